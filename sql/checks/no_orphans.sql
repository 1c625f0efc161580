-- Every entity, figure and event belongs to an article that exists.
select 'entities' as view, article_id from entities where article_id not in (select article_id from articles)
union all
select 'figures', article_id from figures where article_id not in (select article_id from articles)
union all
select 'events', article_id from events where article_id not in (select article_id from articles);
