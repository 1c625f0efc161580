-- @view: One row per event described in an article.
-- @column event_id: the event; every article reporting it shares this id (the id, article_id#index, of its earliest report; see pipeline/clusters.py)
-- @column article_id: article describing the event
-- @column report_date: partition day (the article's publication day)
-- @column type: {values:EventType} (ACLED's six, Diplomacy, Disaster)
-- @column sub_type: finer type, free text
-- @column date: day the event happened, resolved against the publication date
-- @column date_precision: {values:DatePrecision} (week: the article states no date, so the event happened in the days before its publication)
-- @column location: place name as written
-- @column country: ISO 3166-1 alpha-3
-- @column admin1: first-level administrative unit of the place, where known
-- @column latitude: gazetteer latitude of the place, where known
-- @column longitude: gazetteer longitude of the place, where known
-- @column geo_precision: {values:GeoPrecision}: 1 the town or site itself, 2 near it or its district, 3 a region or the country
-- @column actor1: who acted (the agent of the violent verb), as an entity name or a generic phrase ("unidentified gunmen")
-- @column actor2: against whom (the object or passive subject), or null
-- @column actors: actor1 and actor2, as a list
-- @column evidence: the sentence that describes the event
-- @column span_start: offset of the evidence in articles.text
-- @column span_end: end offset (exclusive) of the evidence in articles.text
-- @column dup_of: first copy of the article when it is a duplicate: count rows where it is null to count each story once
create or replace view events as
with source as (
    select * from {source:events}
),
renamed as (
    select
        event_id, article_id, cast("date" as date) as report_date, type, sub_type,
        event_date as "date", date_precision, location, country, admin1, latitude, longitude,
        geo_precision, actor1, actor2, actors, evidence, span[1] as span_start,
        span[2] as span_end, dup_of
    from source
)
select * from renamed;
