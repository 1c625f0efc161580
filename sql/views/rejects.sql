-- @view: One row per input refused by a stage, with its reason: nothing is dropped silently.
-- (the columns it passes through unchanged are described in pipeline/schemas.py)
-- @column date: partition day (the run's date)
create or replace view rejects as
with source as (
    select * from {source:rejects}
),
renamed as (
    select cast("date" as date) as "date", stage, source, url, record_id, reason, detail, raw_sha256
    from source
)
select * from renamed;
