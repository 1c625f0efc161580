-- @view: One row per HTTP response the fetcher kept (bodies stay in the raw Parquet table).
-- (the columns it passes through unchanged are described in pipeline/schemas.py)
-- @column date: partition day (the run's date)
-- @column body_bytes: size of the body
create or replace view fetches as
with source as (
    select * from {source:raw}
),
renamed as (
    select
        cast("date" as date) as "date", url, final_url, source, status, content_type, fetched_at,
        feed_published, sha256, octet_length(body) as body_bytes
    from source
)
select * from renamed;
