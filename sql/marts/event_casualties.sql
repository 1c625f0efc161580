-- @view: One row per event seen across articles and casualty category: low / best / high reconciled across reports. Only incident figures count; cumulative totals never add up here, and a duplicate article counts once.
-- @column event_key: the event's key: type, date, country and location
-- @column type: event type
-- @column date: day of the event
-- @column country: ISO 3166-1 alpha-3
-- @column location: place as first written
-- @column category: killed | injured | ...
-- @column low: lowest figure reported by any article
-- @column best: median of the articles' best figures
-- @column high: highest figure reported; null when any report is open-ended ("more than 50")
-- @column n_articles: number of distinct (non-duplicate) articles reporting this event
-- @column n_sources: number of distinct sources reporting this event
-- @column article_ids: the articles, to trace every number back to its sentence
create or replace view event_casualties as
with events as (
    select e.*, a.source as article_source
    from events e
    join articles a using (article_id)
    where a.dup_of is null
),
keyed as (
    select
        *,
        concat_ws('|', type, cast("date" as varchar), coalesce(country, '?'),
                  lower(coalesce(location, '?'))) as event_key
    from events
),
per_article as (
    -- one number per article and category: the sum of its incident figures for the event
    select
        k.event_key, k.article_id, k.article_source, f.category,
        sum(f.best) as best, sum(coalesce(f.low, f.best)) as low,
        case when bool_and(f.high is not null) then sum(f.high) end as high
    from keyed k
    join figures f on f.event_id = k.event_id
    where f.scope = 'incident'
    group by all
),
reconciled as (
    select
        event_key, category,
        min(low) as low,
        cast(round(median(best)) as bigint) as best,
        -- one open-ended report ("more than 50") leaves the high end open
        case when bool_and(high is not null) then max(high) end as high,
        count(distinct article_id) as n_articles,
        count(distinct article_source) as n_sources,
        list(distinct article_id order by article_id) as article_ids
    from per_article
    group by all
),
described as (
    select event_key, any_value(type) as type, any_value("date") as "date",
           any_value(country) as country, min(location) as location
    from keyed
    group by all
)
select d.event_key, d.type, d."date", d.country, d.location, r.category, r.low, r.best, r.high,
       r.n_articles, r.n_sources, r.article_ids
from reconciled r
join described d using (event_key)
order by d."date", d.event_key, r.category;
