-- @view: One row per casualty figure stated in an article, with the words that state it.
-- @column figure_id: article_id#index
-- @column article_id: article stating the figure
-- @column date: partition day (the article's publication day)
-- @column category: {values:FigureCategory}
-- @column best: best estimate (the stated number; the low end of a range)
-- @column low: lowest value the wording allows
-- @column high: highest value the wording allows; null = open-ended ("more than 40")
-- @column qualifier: {values:Qualifier}
-- @column who: victim group as written
-- @column scope: {values:Scope} (incident: this event; cumulative: a running total, never add it to incident counts)
-- @column as_of: date the figure refers to, when stated
-- @column source: who is quoted for the figure
-- @column evidence: the words of the article that state the figure
-- @column span_start: offset of the evidence in articles.text
-- @column span_end: end offset (exclusive) of the evidence in articles.text
-- @column event_id: event the figure belongs to
-- @column dup_of: first copy of the article when it is a duplicate: count rows where it is null to count each story once
create or replace view figures as
with source as (
    select * from {source:figures}
),
renamed as (
    select
        figure_id, article_id, cast("date" as date) as "date", category, best, low, high,
        qualifier, who, scope, as_of, source, evidence,
        span[1] as span_start, span[2] as span_end, event_id, dup_of
    from source
)
select * from renamed;
