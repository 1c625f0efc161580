-- severity: quarantine
-- An event is not dated after the article that reports it was published (a day of slack for time zones), nor before 1900: a scheduled meeting or a wrong year read as an incident.
with published as (
    select article_id, coalesce(published, "date") as day from articles
)
select 'events' as table_name, e.event_id as row_id, e.article_id, e.report_date as "date",
       'event dated ' || cast(e."date" as varchar) || ', its article was published '
           || cast(p.day as varchar) as reason
from events e join published p using (article_id)
where e."date" < date '1900-01-01' or e."date" > p.day + 1;
