-- @view: One row per actor, as events name it in actor1 (who acted) or actor2 (against whom): in how many events it acted and in how many it was the target, where, when, and the deaths of those events.
-- @column actor: the actor's name as the events write it (events.actor1 or events.actor2)
-- @column kind: what sort of actor it is ({values:ActorKind}), as most of its reports say
-- @column n_events: distinct events (keyed as in event_casualties) the actor took part in, as actor1 or actor2
-- @column n_acted: of those, the events in which it acted (actor1 of a report of the event)
-- @column n_targeted: of those, the events in which it was the target (actor2 of a report of the event); an event whose reports disagree counts in both
-- @column n_articles: articles reporting those events, copies included
-- @column event_types: event types seen, most frequent first
-- @column countries: countries of the events (ISO alpha-3)
-- @column first_date: first event date
-- @column last_date: last event date
-- @column killed: deaths in those events (best reconciled incident figures, each event once)
create or replace view top_actors as
with reports as (
    select r.event_key, e.actor1, e.actor1_kind, e.actor2, e.actor2_kind, e.type, e.country,
           e."date"
    from events e
    join (select distinct event_key, event_id from event_reports) r using (event_id)
    where e.dup_of is null
),
roles as (
    select event_key, actor1 as actor, actor1_kind as kind, true as acted, type, country, "date"
    from reports where actor1 is not null and actor1 <> ''
    union all
    select event_key, actor2, actor2_kind, false, type, country, "date"
    from reports where actor2 is not null and actor2 <> ''
),
reach as (
    select event_key, count(distinct article_id) as n_articles
    from event_reports group by all
),
deaths as (
    select event_key, best as killed from event_casualties where category = 'killed'
),
per_event as (
    select actor, event_key, bool_or(acted) as acted, bool_or(not acted) as targeted,
           any_value(type) as type, any_value(country) as country, min("date") as "date"
    from roles
    group by all
),
kinds as (
    select actor, first(kind order by n desc, kind) as kind
    from (select actor, kind, count(*) as n from roles where kind is not null group by all)
    group by actor
),
types as (
    select actor, list(type order by n desc, type) as event_types
    from (select actor, type, count(*) as n from per_event group by all)
    group by actor
)
select
    p.actor,
    any_value(k.kind) as kind,
    count(*) as n_events,
    count(*) filter (where p.acted) as n_acted,
    count(*) filter (where p.targeted) as n_targeted,
    sum(coalesce(r.n_articles, 0)) as n_articles,
    any_value(t.event_types) as event_types,
    list(distinct p.country order by p.country) filter (where p.country is not null) as countries,
    min(p."date") as first_date,
    max(p."date") as last_date,
    coalesce(sum(d.killed), 0) as killed
from per_event p
left join reach r using (event_key)
left join deaths d using (event_key)
left join kinds k using (actor)
join types t using (actor)
group by p.actor
order by n_events desc, killed desc, p.actor;
