"""newsfacts: news articles -> entities, events and casualty figures."""
