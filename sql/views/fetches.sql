-- @view: One row per HTTP response the fetcher kept (bodies stay in the raw Parquet table).
-- @column date: partition day (the run's date)
-- @column url: URL as discovered
-- @column final_url: URL after redirects
-- @column source: source name
-- @column status: HTTP status
-- @column content_type: Content-Type header
-- @column fetched_at: when the response was received
-- @column feed_published: publication date given by the feed or sitemap
-- @column sha256: sha256 of the body
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
