alter type app.mood add value 'meh';
select 'meh'::app.mood;
