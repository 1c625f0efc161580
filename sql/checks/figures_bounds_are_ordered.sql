-- severity: block
-- low <= best <= high wherever they are known, in the figures and in the reconciled events.
select 'figures' as view, figure_id as id, low, best, high
from figures
where (low is not null and low > best) or (high is not null and high < best)
union all
select 'event_casualties', event_key || ' ' || category, low, best, high
from event_casualties
where (low is not null and low > best) or (high is not null and high < best);
