-- No incident figure is larger than a running total it belongs to: same article, event and category, where the total has a known upper end (an open-ended "more than 500" bounds nothing).
select i.figure_id as incident_id, i.low as incident_low, c.figure_id as cumulative_id,
       c.high as cumulative_high
from figures i
join figures c
  on c.article_id = i.article_id and c.event_id = i.event_id and c.category = i.category
where i.scope = 'incident' and c.scope = 'cumulative'
  and c.high is not null and i.low > c.high;
