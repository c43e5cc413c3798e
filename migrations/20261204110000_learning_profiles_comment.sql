-- learning: the comment on learning.profiles said other modules (playground)
-- read it for recommendations; none does (playground keeps its own per-user
-- tables keyed by auth.users.id and reads nothing in learning). The comment
-- now says what is true.

comment on table learning.profiles is
'One profile per auth user (1:1 with auth.users, created by the signup trigger learning_on_auth_user_created). Owned by the learning module: no other module reads it (each keys its own rows by auth.users.id).';
