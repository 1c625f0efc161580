-- @view: One row per event and article reporting it, syndicated copies included: who reported which event, where and when. Events are keyed as in event_casualties, so reports of one event by several outlets share an event_key.
-- @column event_key: the event's key, as in event_casualties: the clustered event_id that every report of one event shares
-- @column event_id: the event as extracted from the first copy of the article
-- @column article_id: article reporting the event (a copy has its own id)
-- @column is_copy: true when the article is a duplicate (syndicated copy) of the one the event was extracted from
-- @column publisher: site name, else the URL's host, else the source name
-- @column url: URL of the reporting article
-- @column title: headline of the reporting article
-- @column published: publication date of the reporting article
create or replace view event_reports as
with publishers as (
    select
        article_id, dup_of, url, title, published,
        coalesce(site_name, nullif(regexp_extract(url, '://([^/:]+)', 1), ''), source) as publisher
    from articles
),
keyed as (
    -- the same key as event_casualties: the event_id the clustering (pipeline/clusters.py) gave
    select e.event_id, e.article_id, e.event_id as event_key
    from events e
    where e.dup_of is null
),
reports as (
    select k.event_key, k.event_id, p.article_id, false as is_copy, p.publisher, p.url, p.title,
           p.published
    from keyed k join publishers p on p.article_id = k.article_id
    union all
    select k.event_key, k.event_id, p.article_id, true, p.publisher, p.url, p.title, p.published
    from keyed k join publishers p on p.dup_of = k.article_id
)
select * from reports
order by event_key, published, article_id;
