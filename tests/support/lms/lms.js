// The stand-in learning platform (lms.html): puts a SCORM run-time on this window,
// as Moodle or Canvas does, seeded with what the platform stored for the learner,
// and opens a package in a frame. Tests call window.launch(...) and read
// window.stored() afterwards.
window.launch = function launch({ standard, folder, learner, stored, refuseCommits, height }) {
  document.querySelector('iframe')?.remove();
  delete window.API;
  delete window.API_1484_11;
  const settings = { autocommit: false, logLevel: 5 };
  const api = standard === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
  // What the platform stored for this learner (the other computer's session), and who they are.
  const seed = JSON.parse(JSON.stringify(stored ?? {}));
  if (standard === '1.2') seed.core = { ...(seed.core ?? {}), student_id: learner.id, student_name: learner.name };
  else Object.assign(seed, { learner_id: learner.id, learner_name: learner.name });
  api.loadFromJSON(seed);
  window.commits = 0;
  const commit = standard === '1.2' ? 'LMSCommit' : 'Commit';
  const real = api[commit].bind(api);
  api[commit] = (...args) => {
    window.commits += 1;
    return window.refuse ? 'false' : real(...args);
  };
  window.refuse = !!refuseCommits;
  window[standard === '1.2' ? 'API' : 'API_1484_11'] = api;
  window.api = api;
  const frame = document.createElement('iframe');
  frame.title = 'Placement';
  frame.style.width = '100%';
  frame.style.height = `${height ?? 900}px`;
  frame.src = `${folder}/index.html`;
  document.querySelector('main').append(frame);
};
// What the platform holds for the learner now, as scorm-again gives it.
window.stored = () => JSON.parse(JSON.stringify(window.api.cmi));
