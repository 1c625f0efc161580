-- Every figure's evidence is exactly the article text at its span.
select f.figure_id, f.span_start, f.span_end, f.evidence
from figures f
join articles a using (article_id)
where f.span_start < 0 or f.span_end > length(a.text) or f.span_start >= f.span_end
   or substring(a.text, f.span_start + 1, f.span_end - f.span_start) <> f.evidence;
