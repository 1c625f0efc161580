-- severity: block
-- Categories, qualifiers, scopes, event and entity types stay within the contract's values.
select 'figures.category' as field, category as value from figures
where category not in ('killed', 'injured', 'missing', 'displaced', 'captured', 'arrested', 'casualties', 'affected')
union all
select 'figures.qualifier', qualifier from figures
where qualifier not in ('exact', 'approx', 'at_least', 'more_than', 'at_most', 'less_than', 'range')
union all
select 'figures.scope', scope from figures where scope not in ('incident', 'cumulative')
union all
select 'events.type', type from events
where type not in ('Battles', 'Violence against civilians', 'Explosions/Remote violence', 'Riots',
                   'Protests', 'Strategic developments', 'Diplomacy')
union all
select 'entities.type', type from entities
where type not in ('PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT');
