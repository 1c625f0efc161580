-- severity: quarantine
-- A figure's as_of (the date it refers to) is not after the article that states it was published (a day of slack for time zones).
with published as (
    select article_id, coalesce(published, "date") as day from articles
)
select 'figures' as table_name, f.figure_id as row_id, f.article_id, f."date",
       'as_of ' || f.as_of || ', its article was published ' || cast(p.day as varchar) as reason
from figures f join published p using (article_id)
where f.as_of is not null
  and regexp_full_match(f.as_of, '\d{4}(-\d{2}(-\d{2})?)?')
  and f.as_of > left(cast(p.day + 1 as varchar), length(f.as_of));
