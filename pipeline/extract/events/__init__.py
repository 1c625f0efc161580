"""Events: what happened, where, when, who did it to whom (`find`)."""
