-- @view: One row per day, country and category: casualties of the events that happened that day, reconciled per event across articles (event_casualties) and then added up. Only incident figures; running totals are never summed.
-- @column date: day the events happened (null when the articles do not date them)
-- @column country: ISO 3166-1 alpha-3 of the events (null when unknown)
-- @column category: {values:FigureCategory}
-- @column n_events: events with a figure of this category
-- @column low: sum of the events' low ends (null when any event has no known low end)
-- @column best: sum of the events' best figures
-- @column high: sum of the events' high ends (null when any event's high end is open)
-- @column n_articles: articles reporting these events, copies included (an article reporting two events counts twice)
create or replace view daily_casualties as
select
    "date",
    country,
    category,
    count(*) as n_events,
    case when bool_and(low is not null) then sum(low) end as low,
    sum(best) as best,
    case when bool_and(high is not null) then sum(high) end as high,
    sum(n_articles) as n_articles
from event_casualties
group by all
order by "date", country, category;
