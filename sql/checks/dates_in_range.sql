-- Dates are plausible: partitions between 1900 and tomorrow, no event after the day it was reported (a day of slack for time zones), no figure dated (as_of) after its article, as_of written YYYY, YYYY-MM or YYYY-MM-DD.
select 'articles.date' as field, article_id as id, cast("date" as varchar) as value
from articles
where "date" < date '1900-01-01' or "date" > current_date + 1
union all
select 'events.date', event_id, cast("date" as varchar)
from events
where "date" < date '1900-01-01' or "date" > report_date + 1
union all
select 'figures.as_of', figure_id, as_of
from figures
where as_of is not null
  and (not regexp_full_match(as_of, '\d{4}(-\d{2}(-\d{2})?)?')
       or as_of > left(cast("date" + 1 as varchar), length(as_of)));
