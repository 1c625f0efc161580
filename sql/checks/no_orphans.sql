-- severity: block
-- Every entity, figure and event belongs to an article that exists; a figure's event exists; a duplicate points at an article that exists.
select 'entities' as view, article_id as id from entities where article_id not in (select article_id from articles)
union all
select 'figures', article_id from figures where article_id not in (select article_id from articles)
union all
select 'events', article_id from events where article_id not in (select article_id from articles)
union all
select 'figures.event_id', event_id from figures
where event_id is not null and event_id not in (select event_id from events)
union all
select 'articles.dup_of', dup_of from articles
where dup_of is not null and dup_of not in (select article_id from articles);
