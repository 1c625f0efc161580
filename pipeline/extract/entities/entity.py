"""Entity: what the entities stage gives for one real-world thing in a document.

An entity has one name, one type (`EntityType`), one country or none, every mention as a
character span of the text, a `kind` (`ActorKind`: "named", or the class of a generic actor), and
a place's admin1 and coordinates where the gazetteer has them. Its id is stable across articles:
the same canonical name, type and country give the same id.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from pipeline.extract.entities import places
from pipeline.vocabulary import ActorKind


@dataclass
class Entity:
    name: str
    type: str  # an EntityType (a label the model gave is kept as its string, the same value)
    country: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    kind: str = ActorKind.NAMED  # or a generic actor class: see entities.actors
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    @property
    def id(self) -> str:
        """Stable across articles: the same canonical name, type and country give the same id."""
        key = f"{self.type}|{self.country or ''}|{places.normalize(self.name)}"
        return "ent_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def as_contract(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "kind": self.kind,
            "country": self.country,
            "admin1": self.admin1,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "mentions": [list(m) for m in self.mentions],
        }
