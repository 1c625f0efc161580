-- @view: One row per input refused by a stage, with its reason: nothing is dropped silently.
-- @column date: partition day (the run's date)
-- @column stage: discover | fetch | clean | extract | archive
-- @column source: source name or archive path
-- @column url: URL of the item, when there is one
-- @column record_id: input record id or archive offset, when there is one
-- @column reason: short machine-readable reason (http_404, not_article, too_short, bad_record, ...)
-- @column detail: human-readable detail
-- @column raw_sha256: sha256 of the raw body it came from (see fetches), if any
create or replace view rejects as
with source as (
    select * from {source:rejects}
),
renamed as (
    select cast("date" as date) as "date", stage, source, url, record_id, reason, detail, raw_sha256
    from source
)
select * from renamed;
