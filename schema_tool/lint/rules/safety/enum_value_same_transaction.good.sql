alter type app.mood add value 'meh';
select 'happy'::app.mood;
