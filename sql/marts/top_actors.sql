-- @view: One row per actor (canonical entity name in events.actors): how many events it took part in, where, when, and the deaths of those events.
-- @column actor: canonical name of the actor
-- @column n_events: distinct events (keyed as in event_casualties) the actor took part in
-- @column n_articles: articles reporting those events, copies included
-- @column event_types: event types seen, most frequent first
-- @column countries: countries of the events (ISO alpha-3)
-- @column first_date: first event date
-- @column last_date: last event date
-- @column killed: deaths in those events (best reconciled incident figures, each event once)
create or replace view top_actors as
with acts as (
    select r.event_key, unnest(e.actors) as actor, e.type, e.country, e."date"
    from events e
    join (select distinct event_key, event_id from event_reports) r using (event_id)
    where e.dup_of is null
),
reach as (
    select event_key, count(distinct article_id) as n_articles
    from event_reports group by all
),
deaths as (
    select event_key, best as killed from event_casualties where category = 'killed'
),
per_event as (
    select actor, event_key, any_value(type) as type, any_value(country) as country,
           min("date") as "date"
    from acts where actor is not null and actor <> ''
    group by all
),
types as (
    select actor, list(type order by n desc, type) as event_types
    from (select actor, type, count(*) as n from per_event group by all)
    group by actor
)
select
    p.actor,
    count(*) as n_events,
    sum(coalesce(r.n_articles, 0)) as n_articles,
    any_value(t.event_types) as event_types,
    list(distinct p.country order by p.country) filter (where p.country is not null) as countries,
    min(p."date") as first_date,
    max(p."date") as last_date,
    coalesce(sum(d.killed), 0) as killed
from per_event p
left join reach r using (event_key)
left join deaths d using (event_key)
join types t using (actor)
group by p.actor
order by n_events desc, killed desc, p.actor;
