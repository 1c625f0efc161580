"""ACLED's codebook as a decision table: an event's type and sub-type from who acted (actor1's
side), against whom (actor2's side) and by what means. `classify` reads the sides and the means
from a passage (events.sides) and asks `decide`; where the sides do not decide (no side read, or
a pair the table leaves to the cues), classify's precedence of cues does.

The sides are ACLED's actor kinds:

- organised and armed: state forces (a state's military, police, gendarmes; external forces,
  another state's, are the same side here), rebel groups, political militias (a party's
  supporters, workers or cadres who attack as a group), identity militias (a clan's, a tribe's,
  a community's armed men, vigilantes, hunters, self-defence groups), unidentified armed groups
  ("gunmen");
- unorganised: rioters (a mob, a crowd), protesters, civilians (unarmed people, who only
  suffer).

The decision table, read where no demonstration is reported and no remote weapon is the means
(classify's rules 1 to 3 come first). The first row that holds wins; no row holds without
violence ("police arrested three militants" is an arrest). "party" is a political militia,
"identity" an identity militia, "communal" a community's people named by it or rivals who fight
as a group of their own ("two families"); "organised" any organised armed side; "forces" state
forces, rebels or an unidentified armed group; "persons" civilians or protesters; "property"
when only things suffer.

| actor1                  | actor2, or how the sides met   | means                     | type / sub-type                 |
|-------------------------|--------------------------------|---------------------------|---------------------------------|
| anyone                  | an exchange of fire            | firearms on both sides    | Battles / Armed clash           |
| anyone                  | rioters (a mob, a crowd acting)| violence                  | Riots / Mob violence            |
| forces                  | forces                         | violence                  | Battles / Armed clash           |
| identity                | organised, or a clash          | any                       | Battles / Armed clash           |
| party, communal         | organised, or a clash          | firearms                  | Battles / Armed clash           |
| party, communal         | organised, or a clash          | sticks, stones, fists     | Riots / Mob violence            |
| party, identity, communal | persons                      | violence against them     | Violence against civilians / Attack (Abduction, Sexual violence by the act) |
| party                   | property                       | arson, vandalism, looting | Riots / Mob violence            |

The rows the cue precedence of `classify` keeps (its module docstring) complete the codebook:
a demonstration is a Protest, a Riot when its crowd turns violent; remote weapons make
Explosions/Remote violence whoever the target; a mob's violence is Riots / Mob violence; an
organised side against another organised side is a Battle, against civilians Violence against
civilians; arrests, looting by armed groups, bases and territory changing hands without a fight
are Strategic developments.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from pipeline.vocabulary import EventType


class Kind(NamedTuple):
    """What an event is: its type and its sub-type."""

    type: EventType
    sub_type: str


class Side(StrEnum):
    """ACLED's actor kinds, as the typing reads them."""

    STATE_FORCES = "state forces"
    REBEL_GROUP = "rebel group"
    POLITICAL_MILITIA = "political militia"
    IDENTITY_MILITIA = "identity militia"
    # a community's people named by it ("two groups of the X community"): an identity
    # militia when they fire, a mob otherwise
    COMMUNAL_GROUP = "communal group"
    UNIDENTIFIED_ARMED_GROUP = "unidentified armed group"
    RIOTERS = "rioters"
    PROTESTERS = "protesters"
    CIVILIANS = "civilians"
    PROPERTY = "property"  # no actor: a target that is a thing


ORGANISED = frozenset({
    Side.STATE_FORCES, Side.REBEL_GROUP, Side.POLITICAL_MILITIA, Side.IDENTITY_MILITIA,
    Side.UNIDENTIFIED_ARMED_GROUP,
})  # fmt: skip
MILITIAS = frozenset({Side.POLITICAL_MILITIA, Side.IDENTITY_MILITIA, Side.COMMUNAL_GROUP})


class Means(NamedTuple):
    """How the sides met, as the table reads it."""

    fire_exchange: bool  # both sides fired
    firearms: bool  # guns were used
    clash: bool  # the sides fought each other (a clash, "each other")
    against_persons: bool  # people were attacked (not only things)
    violent: bool = True  # any violence at all (an arrest is none)


# --- what the rules conclude --------------------------------------------------------------------

VIOLENT_DEMONSTRATION = Kind(EventType.RIOTS, "Violent demonstration")
MOB_VIOLENCE = Kind(EventType.RIOTS, "Mob violence")
EXCESSIVE_FORCE = Kind(EventType.PROTESTS, "Excessive force against protesters")
PROTEST_WITH_INTERVENTION = Kind(EventType.PROTESTS, "Protest with intervention")
PEACEFUL_PROTEST = Kind(EventType.PROTESTS, "Peaceful protest")
# an explosion whose weapon is not named
EXPLOSIVE = Kind(EventType.EXPLOSIONS, "Remote explosive/landmine/IED")
TERRITORY_OVERTAKEN = Kind(EventType.BATTLES, "Non-state actor overtakes territory")
TERRITORY_REGAINED = Kind(EventType.BATTLES, "Government regains territory")
ARMED_CLASH = Kind(EventType.BATTLES, "Armed clash")
SEXUAL_VIOLENCE_AGAINST_CIVILIANS = Kind(EventType.VIOLENCE_AGAINST_CIVILIANS, "Sexual violence")
ABDUCTION_OF_CIVILIANS = Kind(
    EventType.VIOLENCE_AGAINST_CIVILIANS, "Abduction/forced disappearance"
)
ATTACK_ON_CIVILIANS = Kind(EventType.VIOLENCE_AGAINST_CIVILIANS, "Attack")
DISRUPTED_WEAPONS_USE = Kind(EventType.STRATEGIC, "Disrupted weapons use")
TERRITORY_TRANSFERRED = Kind(EventType.STRATEGIC, "Non-violent transfer of territory")
# what an article reports when no sentence reports an event (find_events' last resort)
OTHER_DEVELOPMENT = Kind(EventType.STRATEGIC, "Other")
TALKS = Kind(EventType.DIPLOMACY, "Talks")
DIPLOMATIC_AGREEMENT = Kind(EventType.DIPLOMACY, "Agreement")


def decide(actor1: Side | None, actor2: Side | None, means: Means) -> Kind | None:
    """The table's row for these sides and means (the module docstring), or None when it
    leaves the event to the cues. Violence against civilians comes back as Attack: the act
    (an abduction, a rape) refines it."""
    if means.fire_exchange:
        return ARMED_CLASH
    if not means.violent:
        return None
    if actor2 == Side.RIOTERS:
        return MOB_VIOLENCE  # forces, or anyone, against a mob: the mob's riot
    if actor1 in ORGANISED - MILITIAS and actor2 in ORGANISED - MILITIAS:
        return ARMED_CLASH
    if actor1 not in MILITIAS:
        return None
    if actor2 in ORGANISED or means.clash:
        # an identity militia is armed; a party's people are when they fire
        armed = means.firearms or actor1 == Side.IDENTITY_MILITIA
        return ARMED_CLASH if armed else MOB_VIOLENCE
    if means.against_persons and actor2 != Side.PROPERTY:
        return ATTACK_ON_CIVILIANS
    if actor1 == Side.POLITICAL_MILITIA and actor2 == Side.PROPERTY:
        return MOB_VIOLENCE
    return None
