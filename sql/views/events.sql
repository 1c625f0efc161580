-- @view: One row per event described in an article.
-- @column event_id: the event; every article reporting it shares this id (the id, article_id#index, of its earliest report; see pipeline/clusters.py)
-- @column article_id: article describing the event
-- @column report_date: partition day (the article's publication day)
-- @column type: ACLED event type (Battles, Violence against civilians, Explosions/Remote violence, Riots, Protests, Strategic developments) or Diplomacy
-- @column sub_type: finer type, free text
-- @column date: day the event happened, resolved against the publication date
-- @column date_precision: day | month | year
-- @column location: place name as written
-- @column country: ISO 3166-1 alpha-3
-- @column actors: who acted, as canonical entity names
-- @column evidence: the sentence that describes the event
-- @column dup_of: first copy of the article when it is a duplicate: count rows where it is null to count each story once
create or replace view events as
with source as (
    select * from {source:events}
),
renamed as (
    select
        event_id, article_id, cast("date" as date) as report_date, type, sub_type,
        event_date as "date", date_precision, location, country, actors, evidence, dup_of
    from source
)
select * from renamed;
