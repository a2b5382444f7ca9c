-- Who else gains access with a request (module approval): when access goes through a group that exists already, the
-- group's name and its members when the request was planned, a JSON array of {"id": <Entra object id>, "name": <display
-- name>}. They may not decide the request, and the run stops if the group has gained members since. Both null for a
-- request that goes through no existing group (and for requests opened before this column existed).
alter table approval_request add column group_access_group text;
alter table approval_request add column group_access_members text;
