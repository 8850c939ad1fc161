// Ring members: the people and employers tied to one seed (an employer, an agent or an
// applicant) through shared cases, agents, legal representatives, phones and addresses, within
// four steps - workers who sued the seed employer, the agents in those cases, and the other
// employers and applicants those agents and contacts also touch. Courts and law firms are not
// followed, so a busy court does not join unrelated cases. Use it to outline a suspected ring in
// Browser or Bloom; the scored rings themselves come from `ringtrace scan`.
//
// Parameters:
//   $seed         node id of the seed (Employer:…, Person:…)
//   $max_members  the most members to return (e.g. 200)
//
// Returns one row per member: the nearest distance from the seed, its kind, and its roles.
MATCH (s:RtNode {id: $seed})
MATCH p = (s)-[:PARTY_IN|AGENT_IN|REPRESENTS|LEGAL_REP_OF|HAS_PHONE|HAS_ADDRESS*1..4]-(m:RtNode)
WHERE (m:Person OR m:Employer) AND m <> s
WITH m, min(length(p)) AS hops
CALL (m) {
  OPTIONAL MATCH (m)-[r:PARTY_IN|AGENT_IN]->(c:Case)
  WITH r, c
  WHERE r IS NOT NULL
  WITH CASE type(r) WHEN 'AGENT_IN' THEN 'agent' ELSE coalesce(r.side, 'party') END AS role, c
  ORDER BY role
  RETURN collect(DISTINCT role) AS roles, count(DISTINCT c) AS cases
}
RETURN m.id AS member_id,
       m.rt_kind AS kind,
       m.name AS name,
       hops,
       roles,
       cases
ORDER BY hops, member_id
LIMIT $max_members
