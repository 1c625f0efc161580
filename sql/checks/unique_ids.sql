-- severity: block
-- Ids are unique (a rerun of a date never duplicates rows), and a URL is one article.
select 'articles' as view, article_id as id, count(*) as n from articles group by all having count(*) > 1
union all
select 'entities', entity_id, count(*) from entities group by all having count(*) > 1
union all
select 'figures', figure_id, count(*) from figures group by all having count(*) > 1
union all
-- an event reported by several articles has one event_id and one row per article
select 'events', event_id || ' in ' || article_id, count(*) from events group by all having count(*) > 1
union all
select 'articles.url', url, count(*) from articles where url is not null group by all having count(*) > 1;
