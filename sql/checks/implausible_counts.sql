-- severity: quarantine
-- An incident figure stays within what one incident can plausibly count: at most 100,000 people killed, injured, missing, captured, arrested or casualties, at most 50,000,000 displaced or affected (a flood or an earthquake can displace millions). A larger count is a running total read as an incident, or a misread number.
select 'figures' as table_name, figure_id as row_id, article_id, "date",
       'incident ' || category || ' ' || cast(best as varchar) || ' is beyond any one incident'
           as reason
from figures
where scope = 'incident'
  and best > case when category in ('displaced', 'affected') then 50000000 else 100000 end;
