-- @view: One row per entity per article: every mention of one real-world thing folded into one row.
-- @column entity_id: article_id#index
-- @column article_id: article the entity was found in
-- @column date: partition day (the article's publication day)
-- @column canonical_id: stable id of the real-world entity across articles: the same canonical name, type and country give the same id (join or count on it)
-- @column name: canonical name (the same for every mention in the article)
-- @column type: {values:EntityType}
-- @column kind: {values:ActorKind} (named, or a generic actor named by its role)
-- @column country: ISO 3166-1 alpha-3 of the place or of the country it belongs to
-- @column admin1: first-level administrative unit of a place, where known
-- @column latitude: gazetteer latitude of a place, where known
-- @column longitude: gazetteer longitude of a place, where known
-- @column mention_count: number of mentions in the article
-- @column mentions: [start, end) character offsets of each mention in articles.text
-- @column dup_of: first copy of the article when it is a duplicate: count rows where it is null to count each story once
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
