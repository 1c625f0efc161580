-- @view: One row per event seen across articles and casualty category: low / best / high reconciled across reports. Only incident figures make low / best / high; a running total (cumulative) is shown beside them, never added; a duplicate article counts once.
-- @column event_key: the event's id (events.event_id): reports of one event in several articles share it (same type, dates within a few days, same or nested place, overlapping actors)
-- @column type: event type
-- @column date: day of the event
-- @column country: ISO 3166-1 alpha-3
-- @column location: place as first written
-- @column category: {values:FigureCategory}
-- @column low: lowest figure reported by any article (null when no report states a low end)
-- @column best: the latest report's figure: median of the best figures of the articles published on the last day that reported this category (tolls rise as bodies are found; same-day reports that disagree meet in the middle)
-- @column high: highest figure reported; null when any report is open-ended ("more than 50")
-- @column n_reports: articles whose incident figures are reconciled in this row
-- @column cumulative_best: running total of the wider conflict or period that the reports give beside the event's figures of this category (the one with the latest as_of, else the latest report; the largest on a tie), never added to best
-- @column cumulative_as_of: date that running total refers to, when stated
-- @column n_articles: number of articles reporting this event, duplicates (syndicated copies) included
-- @column n_sources: number of distinct publishers (site name, else host) reporting this event, duplicates included
-- @column article_ids: the (non-duplicate) articles whose figures are reconciled here, to trace every number back to its sentence
create or replace view event_casualties as
with publishers as (
    -- a source is a publisher: the site's name, else the URL's host, else the feed or archive
    select
        article_id, dup_of,
        coalesce(site_name, nullif(regexp_extract(url, '://([^/:]+)', 1), ''), source) as publisher,
        coalesce(cast(published as date), "date") as report_day
    from articles
),
events as (
    select e.*, p.publisher as article_source, p.report_day
    from events e
    join publishers p using (article_id)
    where p.dup_of is null
),
copies as (
    -- duplicates (syndicated copies) count as reports and sources, never as extra figures
    select dup_of as origin_id, article_id as copy_id, publisher as source
    from publishers where dup_of is not null
),
keyed as (
    -- the clustering (pipeline/clusters.py) already gave every report of one event its id
    select *, event_id as event_key from events
),
per_article as (
    -- one number per article and category: the sum of its incident figures for the event
    select
        k.event_key, k.article_id, k.article_source, k.report_day, f.category,
        sum(f.best) as best,
        -- "nearly 100" has no low end: the low stays unknown rather than becoming 100
        case when bool_and(f.low is not null) then sum(f.low) end as low,
        case when bool_and(f.high is not null) then sum(f.high) end as high
    from keyed k
    join figures f on f.event_id = k.event_id and f.article_id = k.article_id
    where f.scope = 'incident'
    group by all
),
latest as (
    -- best = the latest report: the articles of the last day that reported the category
    select event_key, category, cast(round(median(best)) as bigint) as best
    from per_article
    group by event_key, category, report_day
    qualify report_day = max(report_day) over (partition by event_key, category)
),
incident as (
    select
        p.event_key, p.category,
        min(p.low) as low,
        any_value(l.best) as best,
        -- one open-ended report ("more than 50") leaves the high end open
        case when bool_and(p.high is not null) then max(p.high) end as high,
        count(distinct p.article_id) as n_reports,
        list(distinct p.article_id order by p.article_id) as article_ids
    from per_article p
    join latest l using (event_key, category)
    group by all
),
cumulative as (
    -- a running total is never summed: the most recent one stands beside the event's figures
    select
        k.event_key, f.category,
        arg_max(f.best, (coalesce(f.as_of, cast(k.report_day as varchar)), f.best)) as cumulative_best,
        arg_max(f.as_of, (coalesce(f.as_of, cast(k.report_day as varchar)), f.best)) as cumulative_as_of,
        list(distinct k.article_id order by k.article_id) as article_ids
    from keyed k
    join figures f on f.event_id = k.event_id and f.article_id = k.article_id
    where f.scope = 'cumulative'
    group by all
),
reconciled as (
    -- one row per event and category with incident figures (the daily mart adds these up);
    -- the running total of the same category stands beside them
    select
        event_key, category, i.low, i.best, i.high, i.n_reports,
        c.cumulative_best, c.cumulative_as_of,
        list_sort(list_distinct(list_concat(i.article_ids, coalesce(c.article_ids, []))))
            as article_ids
    from incident i
    left join cumulative c using (event_key, category)
),
reports as (
    select event_key, article_id, article_source as source from keyed
    union all
    select k.event_key, c.copy_id, c.source from keyed k join copies c on c.origin_id = k.article_id
),
reach as (
    select event_key, count(distinct article_id) as n_articles, count(distinct source) as n_sources
    from reports
    group by all
),
described as (
    select event_key, any_value(type) as type, min("date") as "date",
           any_value(country) as country, min(location) as location
    from keyed
    group by all
)
select d.event_key, d.type, d."date", d.country, d.location, r.category, r.low, r.best, r.high,
       n.n_articles, n.n_sources, r.article_ids, r.n_reports, r.cumulative_best, r.cumulative_as_of
from reconciled r
join described d using (event_key)
join reach n using (event_key)
order by d."date", d.event_key, r.category;
