-- severity: quarantine
-- No incident figure is larger than a running total it belongs to (same article, event and category, where the total has a known upper end: an open-ended "more than 500" bounds nothing); the incident figure is the one held back.
select 'figures' as table_name, i.figure_id as row_id, i.article_id, i."date",
       'incident ' || i.category || ' ' || cast(i.low as varchar)
           || ' is larger than the running total ' || cast(c.high as varchar)
           || ' (' || c.figure_id || ')' as reason
from figures i
join figures c
  on c.article_id = i.article_id and c.event_id = i.event_id and c.category = i.category
where i.scope = 'incident' and c.scope = 'cumulative'
  and c.high is not null and i.low > c.high;
