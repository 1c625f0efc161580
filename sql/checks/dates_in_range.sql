-- Dates are plausible: partitions between 1900 and tomorrow; no event after the article that reports it was published (a day of slack for time zones); no figure dated (as_of) after its article; as_of written YYYY, YYYY-MM or YYYY-MM-DD.
with published as (
    select article_id, coalesce(published, "date") as day from articles
)
select 'articles.date' as field, article_id as id, cast("date" as varchar) as value
from articles
where "date" < date '1900-01-01' or "date" > current_date + 1
union all
select 'events.date', e.event_id, cast(e."date" as varchar)
from events e join published p using (article_id)
where e."date" < date '1900-01-01' or e."date" > p.day + 1
union all
select 'figures.as_of', f.figure_id, f.as_of
from figures f join published p using (article_id)
where f.as_of is not null
  and (not regexp_full_match(f.as_of, '\d{4}(-\d{2}(-\d{2})?)?')
       or f.as_of > left(cast(p.day + 1 as varchar), length(f.as_of)));
