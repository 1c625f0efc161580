-- @view: One row per casualty figure stated in an article, with the words that state it.
-- (the columns it passes through unchanged are described in pipeline/schemas.py)
-- @column date: partition day (the article's publication day)
-- @column span_start: offset of the evidence in articles.text
-- @column span_end: end offset (exclusive) of the evidence in articles.text
create or replace view figures as
with source as (
    select * from {source:figures}
),
renamed as (
    select
        figure_id, article_id, cast("date" as date) as "date", category, best, low, high,
        qualifier, who, scope, as_of, source, evidence,
        span[1] as span_start, span[2] as span_end, event_id, reports, dup_of
    from source
)
select * from renamed;
