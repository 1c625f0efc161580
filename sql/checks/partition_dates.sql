-- severity: block
-- Partition days are ones a run can write: from 1990-01-01 (pipeline.settings.EARLIEST_DATE, the DAGs' start_date) to tomorrow (a day of slack for time zones); a figure's as_of is written YYYY, YYYY-MM or YYYY-MM-DD.
select 'articles.date' as field, article_id as id, cast("date" as varchar) as value
from articles
where "date" < date '1990-01-01' or "date" > current_date + 1
union all
select 'figures.as_of', figure_id, as_of
from figures
where as_of is not null and not regexp_full_match(as_of, '\d{4}(-\d{2}(-\d{2})?)?');
