-- severity: block
-- No count is negative (0 is allowed: the report says nobody), in the figures and in the marts built from them; every entity is mentioned at least once and every reconciled event has a report.
select 'figures' as view, figure_id as id, low, best, high
from figures
where low < 0 or best < 0 or high < 0
union all
select 'event_casualties', event_key || ' ' || category, low, best, high
from event_casualties
where low < 0 or best < 0 or high < 0 or n_articles < 1 or n_sources < 1
union all
select 'daily_casualties', concat_ws(' ', "date", country, category), low, best, high
from daily_casualties
where low < 0 or best < 0 or high < 0
union all
select 'entities', entity_id, null, mention_count, null
from entities
where mention_count < 1;
