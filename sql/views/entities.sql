-- @view: One row per entity per article: every mention of one real-world thing folded into one row.
-- (the columns it passes through unchanged are described in pipeline/schemas.py)
-- @column date: partition day (the article's publication day)
create or replace view entities as
with source as (
    select * from {source:entities}
),
renamed as (
    select
        entity_id, article_id, cast("date" as date) as "date", canonical_id, name, type, kind,
        country, admin1, latitude, longitude, mention_count, mentions, dup_of
    from source
)
select * from renamed;
