// What a first login shows before (or over) the channel, per generation, read from the user's preferences and the
// client config the way the real web app reads them. Sources (mattermost/mattermost-webapp for v5, the monorepo
// webapp/channels/src for v7+): components/channel_view/index.js (v5 showTutorial), components/tutorial/*,
// components/sidebar/sidebar.tsx (v5.3x what's new modal), selectors/onboarding.ts (getShowTaskListBool),
// components/onboarding_tasklist/onboarding_tasklist.tsx, components/tours/*, actions/global_actions.tsx
// (redirectToOnboardingOrDefaultTeam). Each decision is one small function below, so that a page fault that
// breaks one of them is a one-line hook there.
'use strict';

const TUTORIAL_STEP = 'tutorial_step';          // category; name = user id (v5 tutorial and v7+ onboarding tour)
const TUTORIAL = {INTRO_SCREENS: 0, POST_POPOVER: 1, FINISHED: 999};
const TASK_LIST = 'onboarding_task_list';
const NEXT_STEPS = 'recommended_next_steps';
const LEGACY_NEXT_STEPS = ['complete_profile', 'team_setup', 'notification_setup', 'preferences_setup',
  'invite_members', 'download_apps'];

// ---- decisions (fault hooks go here, one line each) ---------------------------------------------------------------

// v5 channel_view/index.js: a missing preference means FINISHED.
function v5TutorialStep(prefs, userId) {
  if (hasFault('tutorial_reappears')) return TUTORIAL.INTRO_SCREENS;
  return parseInt(preference(prefs, TUTORIAL_STEP, userId, String(TUTORIAL.FINISHED)), 10);
}

// v7+ tours/onboarding_tour/hooks.ts: getInt(..., 0) - a missing preference means step 0.
function onboardingTourStep(prefs, userId) {
  return parseInt(preference(prefs, TUTORIAL_STEP, userId, '0'), 10);
}

// selectors/onboarding.ts getShowTaskListBool -> [showTaskList, firstTimeOnboarding] (mobile view handled by caller).
function taskListState(prefs) {
  if (hasFault('tutorial_reappears')) return [true, false];
  const own = prefs.filter((p) => p.category === TASK_LIST);
  const legacy = prefs.filter((p) => p.category === NEXT_STEPS);
  if (own.some((p) => p.name === 'onboarding_task_list_show' || p.name === 'onboarding_task_list_open')) {
    return [preference(prefs, TASK_LIST, 'onboarding_task_list_show', 'false') === 'true', false];
  }
  const hasSkip = legacy.some((p) => p.name === 'skip');
  const hideIsFalse = legacy.some((p) => p.name === 'hide' && p.value === 'false');
  const hasLegacySteps = legacy.some((p) => LEGACY_NEXT_STEPS.indexOf(p.name) >= 0);
  if (!hasSkip && hideIsFalse && !hasLegacySteps) return [true, true];
  const skipped = legacy.some((p) => p.name === 'skip' && p.value === 'true');
  const completed = legacy.some((p) => p.name === 'hide' && p.value === 'true');
  return [!skipped && !completed, !skipped && !completed];
}

// mattermost-redux checkIsFirstAdmin: no other system admin was created earlier.
function isFirstAdmin(user, admins) {
  return isAdmin(user) && !admins.some((u) => isAdmin(u) && u.create_at < user.create_at);
}

// ---- state kept like redux: a save updates the local copy at once (savePreferences is optimistic) ---------------

function merged(prefs, saved) {
  const key = (p) => p.category + '\u0000' + p.name;
  const replaced = new Set(saved.map(key));
  return prefs.filter((p) => !replaced.has(key(p))).concat(saved);
}

// ctx.show draws the page again with the new preferences (the channel, or the task list over the console).
async function saveAndShow(ctx, saved) {
  const prefs = merged(ctx.prefs, saved.map((p) => ({user_id: ctx.user.id, ...p, value: String(p.value)})));
  savePreferences(ctx.user.id, saved);
  await (ctx.show || FirstLogin.showChannel)({...ctx, prefs});
}

// ---- v5: the tutorial replaces the channel ------------------------------------------------------------------------

function showV5Channel(ctx) {
  const {user, prefs, config} = ctx;
  document.querySelectorAll('[data-first-login]').forEach((el) => el.remove());
  const enabled = configFlag(config, 'EnableTutorial', true);
  const step = v5TutorialStep(prefs, user.id);
  const save = (value) => saveAndShow(ctx, [{category: TUTORIAL_STEP, name: user.id, value}]);
  let center = null;
  let tip = null;
  if (enabled && step <= TUTORIAL.INTRO_SCREENS) {
    center = UI.tutorialIntro({townSquare: 'Town Square', appDownloadLink: config.AppDownloadLink,
      onNext: () => save(step + 1), onSkip: () => save(TUTORIAL.FINISHED)});
  } else if (enabled && step === TUTORIAL.POST_POPOVER) {
    tip = UI.postTutorialTip({onNext: () => save(step + 1), onOptOut: () => save(TUTORIAL.FINISHED)});
  }
  mount(UI.channelPage({...ctx, center, tip}));
  // v5.3x sidebar.tsx opens this for every non-cloud user who has not seen it (present in 5.37: UNCONFIRMED).
  if (preference(prefs, 'whats_new_modal', 'has_seen_sidebar_whats_new_modal', 'false') !== 'true') {
    const modal = UI.whatsNewModal({onHide: () => {
      modal.remove();
      ctx.prefs = merged(ctx.prefs, [{user_id: user.id, category: 'whats_new_modal',
        name: 'has_seen_sidebar_whats_new_modal', value: 'true'}]);
      savePreferences(user.id, [{category: 'whats_new_modal', name: 'has_seen_sidebar_whats_new_modal', value: 'true'}]);
    }});
    modal.setAttribute('data-first-login', 'whats-new');
    document.body.append(modal);
  }
}

// ---- v7+: the onboarding task list and the channels tour over the channel ----------------------------------------

async function showOnboardingChannel(ctx) {
  document.querySelectorAll('[data-first-login]').forEach((el) => el.remove());
  mount(UI.channelPage(ctx));
  if (await showTaskList(ctx)) return;
  showChannelsTour(ctx);
}

// The task list is part of the app's frame (components/onboarding_tasklist), so it covers the System Console too;
// true when the first render saved the preferences and drew the page again.
async function showTaskList(ctx) {
  const {user, prefs, config} = ctx;
  const flow = configFlag(config, 'EnableOnboardingFlow', true);
  const [shown, firstTime] = taskListState(prefs);
  if (flow && firstTime) {  // initOnboardingPrefs: show + open the list, hide the legacy next steps
    await saveAndShow(ctx, [{category: TASK_LIST, name: 'onboarding_task_list_show', value: 'true'},
      {category: TASK_LIST, name: 'onboarding_task_list_open', value: 'true'},
      {category: NEXT_STEPS, name: 'hide', value: 'true'}]);
    return true;
  }
  if (flow && shown && !isMobileView()) {
    const open = hasFault('tutorial_reappears') ||
      preference(prefs, TASK_LIST, 'onboarding_task_list_open', 'false') === 'true';
    const setOpen = (value) => saveAndShow(ctx, [{category: TASK_LIST, name: 'onboarding_task_list_open', value}]);
    document.body.append(...UI.taskList({open, admin: isAdmin(user),
      onToggle: () => setOpen(!open),
      // Fault task_list_stays: "No thanks" is wired to nothing.
      onDismiss: () => hasFault('task_list_stays') ? null : saveAndShow(ctx, [
        {category: TASK_LIST, name: 'onboarding_task_list_show', value: 'false'},
        {category: TASK_LIST, name: 'onboarding_task_list_open', value: 'false'}]),
      // useHandleOnboardingTaskTrigger CHANNELS_TOUR: start the tour at step 0 with the auto status on.
      onTour: () => saveAndShow(ctx, [{category: TASK_LIST, name: 'onboarding_task_list_open', value: 'false'},
        {category: TASK_LIST, name: 'channels_tour', value: '1'},
        {category: TUTORIAL_STEP, name: user.id, value: '0'},
        {category: TUTORIAL_STEP, name: 'tutorial_step_auto_tour_status', value: '1'}]),
    }).map((el) => { el.setAttribute('data-first-login', 'task-list'); return el; }));
  }
  return false;
}

function showChannelsTour(ctx) {
  const {user, prefs, config} = ctx;
  const flow = configFlag(config, 'EnableOnboardingFlow', true);
  const tourTriggered = preference(prefs, TASK_LIST, 'channels_tour', String(TUTORIAL.FINISHED)) === '1';
  if (flow && configFlag(config, 'EnableTutorial', true) && tourTriggered &&
      onboardingTourStep(prefs, user.id) === 0) {
    const end = () => saveAndShow(ctx, [{category: TUTORIAL_STEP, name: user.id, value: String(TUTORIAL.FINISHED)}]);
    document.getElementById('root-portal').append(...UI.channelsTourTip({onNext: end, onSkip: end})
      .map((el) => { el.setAttribute('data-first-login', 'tour-tip'); return el; }));
  }
}

// Over the System Console (v7+): the task list only (the tours belong to the channel).
async function showOnboardingConsole(ctx) {
  document.querySelectorAll('[data-first-login]').forEach((el) => el.remove());
  await showTaskList({...ctx, show: showOnboardingConsole});
}

const FirstLogin = {
  showChannel: (ctx) => (UI.firstLogin === 'v5-tutorial' ? showV5Channel(ctx) : showOnboardingChannel(ctx)),
  overConsole: (ctx) => (UI.firstLogin === 'v5-tutorial' ? null : showOnboardingConsole(ctx)),

  // actions/global_actions.tsx redirectToOnboardingOrDefaultTeam, run for "/".
  async sendsToPreparingWorkspace(user, teams) {
    if (!isAdmin(user) || teams.length > 0) return false;
    if (!configFlag(await clientConfig(), 'EnableOnboardingFlow', true)) return false;
    let complete;
    try { complete = await api('GET', '/system/onboarding/complete'); } catch (err) { return false; }
    if (String(complete.value) === 'true') return false;
    let admins;
    try { admins = await api('GET', '/users?page=0&per_page=100&roles=system_admin'); } catch (err) { return false; }
    return isFirstAdmin(user, admins);
  },
};

// ---- DOM shared by the v7+ generations (same components in transitional and current) -----------------------------

const OnboardingDom = {
  taskList({open, admin, onToggle, onDismiss, onTour}) {
    // onboarding_tasks/constants.ts order; the console and trial tasks only for an admin of an unlicensed server
    // that never had a trial (onboarding_tasks_manager.tsx useTasksList).
    const tasks = [['Take a tour of Channels.', onTour], ['Invite team members to the workspace.', null],
      ['Download the Desktop and Mobile Apps.', null], ['Complete your profile.', null]];
    if (admin) tasks.push(['Visit the System Console to configure your workspace.', null],
      ['Learn more about Enterprise-level high-security features.', null]);
    const button = h('button', {class: 'onboarding-tasklist__button' + (open ? ' open' : ''), type: 'button',
      'data-cy': 'onboarding-task-list-action-button', 'aria-label': 'Start the onboarding process.', onclick: onToggle},
      h('i', {class: open ? 'icon icon-close' : 'icon icon-playlist-check'}), open ? null : h('span', {}, String(tasks.length)));
    if (!open) return [button];
    const overlay = h('div', {class: 'onboarding-tasklist__overlay', 'data-cy': 'onboarding-task-list-overlay', onclick: onToggle});
    const items = h('div', {class: 'onboarding-tasklist__popover'}, h('div', {class: 'onboarding-tasklist__items open'},
      h('h1', {}, 'Welcome to Mattermost'), h('p', {}, "Let's get up and running."),
      // Up to 10.4 a video under the title (onboarding_tasklist.tsx: an image and its PlayButton).
      CFG.taskListVideo ? h('div', {}, h('img', {alt: 'On Boarding video'}),
        h('button', {type: 'button'}, h('i', {class: 'icon icon-play'}), 'Watch overview')) : null,
      tasks.map(([label, action]) => h('div', {class: 'onboarding-tasklist__task',
        onclick: action || onToggle}, h('span', {}, label))),
      h('span', {class: 'link', onclick: onDismiss}, 'No thanks, I’ll figure it out myself')));
    return [overlay, items, button];
  },

  channelsTourTip({onNext, onSkip}) {
    const box = h('div', {'data-tippy-root': ''}, h('div', {class: 'tippy-box tour-tip__box', role: 'tooltip'},
      h('div', {class: 'tippy-content'},
        h('div', {class: 'tour-tip__header', 'data-testid': 'current_tutorial_tip'},
          h('h4', {class: 'tour-tip__header__title'}, 'Channels and direct messages'),
          h('button', {class: 'btn btn-sm btn-icon', 'data-testid': 'close_tutorial_tip', onclick: onSkip},
            h('i', {class: 'icon icon-close'}))),
        h('div', {class: 'tour-tip__body'},
          h('p', {}, 'Channels are where you can communicate with your team about a topic or project.'),
          h('p', {}, 'We’ve also added the ', h('b', {}, 'Town Square'), ' and ', h('b', {}, 'Off-Topic'),
            ' channels for everyone on your team.')),
        h('div', {class: 'tour-tip__footer'}, h('div', {class: 'tour-tip__footer-buttons'},
          h('div', {class: 'tour-tip__btn-ctr'}, h('button', {id: 'tipNextButton', class: 'btn btn-primary btn-sm',
            onclick: onNext}, 'Next'))),
          h('div', {class: 'tour-tip__opt'}, 'Seen this before? ',
            h('a', {href: '#', onclick: (e) => { e.preventDefault(); onSkip(); }}, 'Opt out of these tips.'))))));
    return [h('div', {class: 'tour-tip__overlay', onclick: onSkip}), h('div', {class: 'tour-tip__backdrop'}), box];
  },

  preparingWorkspace({onSubmit}) {
    // preparing_workspace/organization.tsx: a QuickInput without id, "Continue" disabled until a name is typed.
    // The real wizard goes on (plugins, invitations, launching); the stand-in finishes after this first step.
    const input = h('input', {class: 'Organization__input form-control', type: 'text', autofocus: '',
      placeholder: 'Organization name', 'aria-label': 'Organization name'});
    const next = h('button', {type: 'submit', class: 'primary-button', 'data-testid': 'continue', disabled: ''},
      'Continue');
    input.addEventListener('input', () => { next.disabled = !input.value; });
    const form = h('form', {onsubmit: (e) => { e.preventDefault(); onSubmit(input.value.trim()); }}, input, next);
    return h('div', {class: 'PreparingWorkspace PreparingWorkspaceContainer'},
      h('div', {class: 'Organization-body'}, h('div', {class: 'Organization__content'},
        h('h1', {class: 'PreparingWorkspaceTitle'}, 'What’s the name of your organization?'),
        h('p', {class: 'PreparingWorkspaceDescription'}, 'We’ll use this to help personalize your workspace.'), form)));
  },
};
