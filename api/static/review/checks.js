// What the server refuses in a correction (api/correction_rules.py), checked here first so that the
// reviewer is shown the field before saving: a reference to a party or asset that is not there, a
// blank name, an id of the wrong shape. The server checks again and decides; its consistency
// warnings (amounts in words and digits, components) are its own and shown as it sends them.

const PARTY_ID = /^P[0-9]+$/;
const esc = (key) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");

/** pointer -> Vietnamese message, for every value the server would refuse. With `base` (the saved
 * extraction), as the server does: only what the edits brought, not what the reading left. */
export function validate(doc, base = null) {
  const out = problems(doc);
  if (base)
    for (const [ptr, msg] of Object.entries(problems(base))) if (out[ptr] === msg) delete out[ptr];
  return out;
}

function problems(doc) {
  const out = {};
  (doc.parties || []).forEach((p, i) => {
    if (!p.name || !p.name.trim()) out[`/parties/${i}/name`] = "Tên đương sự không được để trống";
    if (!PARTY_ID.test(p.id)) out[`/parties/${i}/id`] = "Mã đương sự có dạng P1, P2…";
    (p.representatives || []).forEach((r, j) => {
      if (!r.name || !r.name.trim()) out[`/parties/${i}/representatives/${j}/name`] = "Tên người đại diện không được để trống";
    });
  });
  const partyIds = new Set((doc.parties || []).map((p) => p.id));
  const assetIds = new Set((doc.assets || []).map((a) => a.id));
  const notParty = (id) => `${id} không phải là đương sự trong văn bản`;
  const notAsset = (id) => `${id} không phải là tài sản trong văn bản`;
  (doc.obligations || []).forEach((o, i) => {
    for (const role of ["obligors", "obligees"])
      (o[role] || []).forEach((id, j) => {
        if (id !== "STATE" && !partyIds.has(id)) out[`/obligations/${i}/${role}/${j}`] = notParty(id);
      });
    for (const field of ["secured_by", "assets_delivered"])
      (o[field] || []).forEach((id, j) => {
        if (!assetIds.has(id)) out[`/obligations/${i}/${field}/${j}`] = notAsset(id);
      });
    for (const id of Object.keys(o.shares || {}))
      if (!partyIds.has(id)) out[`/obligations/${i}/shares/${esc(id)}`] = notParty(id);
  });
  (doc.assets || []).forEach((a, i) => {
    (a.owners || []).forEach((id, j) => {
      if (!partyIds.has(id)) out[`/assets/${i}/owners/${j}`] = notParty(id);
    });
  });
  return out;
}
