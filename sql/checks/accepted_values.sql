-- severity: block
-- Categories, qualifiers, scopes, precisions, event, entity and actor types, the kinds of entities and of events' actors, and article relevance stay within the contract's values (pipeline/vocabulary.py); a relevance score is within 0..1.
select 'figures.category' as field, category as value from figures
where category not in {vocabulary:FigureCategory}
union all
select 'figures.qualifier', qualifier from figures where qualifier not in {vocabulary:Qualifier}
union all
select 'figures.scope', scope from figures where scope not in {vocabulary:Scope}
union all
select 'events.type', type from events where type not in {vocabulary:EventType}
union all
select 'events.date_precision', date_precision from events
where date_precision not in {vocabulary:DatePrecision}
union all
select 'events.geo_precision', cast(geo_precision as varchar) from events
where geo_precision not in {vocabulary:GeoPrecision}
union all
select 'entities.type', type from entities where type not in {vocabulary:EntityType}
union all
select 'entities.kind', kind from entities where kind not in {vocabulary:ActorKind}
union all
select 'events.actor1_kind', actor1_kind from events where actor1_kind not in {vocabulary:ActorKind}
union all
select 'events.actor2_kind', actor2_kind from events where actor2_kind not in {vocabulary:ActorKind}
union all
select 'articles.relevance', relevance from articles where relevance not in {vocabulary:Relevance}
union all
select 'articles.relevance_score', cast(relevance_score as varchar) from articles
where relevance_score not between 0 and 1 or isnan(relevance_score);
