-- @view: One row per event described in an article.
-- (the columns it passes through unchanged are described in pipeline/schemas.py)
-- @column report_date: partition day (the article's publication day)
-- @column date: day the event happened, resolved against the publication date
-- @column span_start: offset of the evidence in articles.text
-- @column span_end: end offset (exclusive) of the evidence in articles.text
create or replace view events as
with source as (
    select * from {source:events}
),
renamed as (
    select
        event_id, article_id, cast("date" as date) as report_date, type, sub_type,
        event_date as "date", date_precision, location, country, admin1, latitude, longitude,
        geo_precision, actor1, actor1_kind, actor2, actor2_kind, actors, evidence,
        span[1] as span_start, span[2] as span_end, dup_of
    from source
)
select * from renamed;
