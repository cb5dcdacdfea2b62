// The stand-in web app's behaviour, shared by every UI generation (each generation's file renders the DOM and
// registers it in GENERATIONS). Mirrors webapp/channels/src: LocalStorageStore.was_logged_in, Client4 headers,
// emitUserLoggedOutEvent, forceLogoutIfNecessary, LoggedIn, the login page's session-expired and MFA rules, the
// root redirect (actions/global_actions redirectToOnboardingOrDefaultTeam) and the ConfirmModal actions.
// First-login screens live in first_login.js, console strings in i18n.js.
'use strict';

const CFG = window.STANDIN;
const hasFault = (name) => CFG.faults.indexOf(name) >= 0;
const GENERATIONS = {};  // filled by legacy.js / current.js / transitional.js
let UI = null;           // the generation this page serves, chosen at start-up
// Fault confirm_wording: a release that dropped the warning sentence.
const ALTERED_REVOKE_MESSAGE = 'This action revokes all sessions in the system. Are you sure you want to continue?';
const MFA_REQUIRED = 'mfa.validate_token.authenticate.app_error';

// utils/user_agent.tsx
const ua = () => navigator.userAgent;
const isDesktopApp = () => ua().indexOf('Mattermost') >= 0 && ua().indexOf('Electron') >= 0;
const isAndroidWeb = () => /Android/.test(ua());
const isIosWeb = () => /iPhone|iPad|iPod/.test(ua());
const isMobileAgent = () => isAndroidWeb() || isIosWeb();

function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (value !== false && value !== null && value !== undefined) el.setAttribute(key, value === true ? '' : value);
  }
  for (const kid of kids.flat()) {
    if (kid !== null && kid !== undefined && kid !== false) el.append(kid.nodeType ? kid : String(kid));
  }
  return el;
}

function mount(...nodes) {
  const root = document.getElementById('root');
  root.replaceChildren(...nodes);
}

function readCookie(name) {
  const found = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : '';
}

const Store = {  // LocalStorageStore
  wasLoggedIn: () => localStorage.getItem('was_logged_in') === 'true',
  setWasLoggedIn: (value) => localStorage.setItem('was_logged_in', String(Boolean(value))),
};

class ApiError extends Error {
  constructor(status, body) { super(body.message || 'HTTP ' + status); this.status = status; this.body = body; }
}

async function api(method, path, body) {  // Client4: cookie auth + XHR header + CSRF token
  const headers = {'X-Requested-With': 'XMLHttpRequest'};
  const csrf = readCookie('MMCSRF');
  if (csrf && method !== 'GET') headers['X-CSRF-Token'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch('/api/v4' + path, {method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body)});
  let data = {};
  try { data = await res.json(); } catch (e) { data = {}; }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

let clientConfigCache = null;

// GET /api/v4/config/client?format=old (string values). A missing endpoint reads as the real defaults.
async function clientConfig() {
  if (!clientConfigCache) {
    try { clientConfigCache = await api('GET', '/config/client?format=old'); } catch (err) { clientConfigCache = {}; }
  }
  return clientConfigCache;
}

function configFlag(config, key, fallback) {
  const value = config[key];
  return value === undefined ? fallback : value === 'true';
}

async function myPreferences() {  // getMyPreferences: GET /users/me/preferences
  try { return await api('GET', '/users/me/preferences'); } catch (err) {
    if (forceLogoutIfNecessary(err)) throw err;
    return [];
  }
}

function preference(prefs, category, name, fallback) {
  const found = prefs.find((p) => p.category === category && p.name === name);
  return found ? found.value : fallback;
}

async function savePreferences(userId, prefs) {  // savePreferences: PUT /users/{user_id}/preferences
  const body = prefs.map((p) => ({user_id: userId, category: p.category, name: p.name, value: String(p.value)}));
  try { await api('PUT', '/users/' + userId + '/preferences', body); } catch (err) { forceLogoutIfNecessary(err); }
}

function isMobileView() { return window.innerWidth <= 768; }  // Constants.MOBILE_SCREEN_WIDTH

// center_channel.tsx renders the phone-width header only in a mobile view (the desktop #channel-header stays in the
// page, hidden by CSS): div.row.header > #navbar_wrapper > nav#navbar ... .navbar-brand with the channel's name.
function mobileChannelHeader(channel) {
  if (!isMobileView()) return null;
  const name = CFG.mobileHeaderMenu
    ? h('button', {id: 'channelHeaderDropdownButton', class: 'channel-header__trigger style--none', type: 'button',
      'aria-label': (channel.display_name + ' channel menu').toLowerCase()},
      h('strong', {id: 'channelHeaderTitle', class: 'heading'}, channel.display_name))
    : h('div', {class: 'MenuWrapper'}, h('a', {},
      h('span', {class: 'heading'}, channel.display_name),
      h('span', {class: 'fa fa-angle-down header-dropdown__icon', title: 'Dropdown Icon'})));
  return h('div', {class: 'row header'}, h('div', {id: 'navbar_wrapper'},
    h('nav', {id: 'navbar', class: 'navbar navbar-default navbar-fixed-top', role: 'navigation'},
      h('div', {class: 'container-fluid theme'}, h('div', {class: 'navbar-header'},
        h('div', {class: 'navbar-brand'}, name), h('div', {class: 'spacer'}))))));
}

function go(url) { window.location.assign(url); }

// utils/browser_history.tsx: in a desktop app of version 5 or newer the web app's history.push goes to the desktop
// app (window.desktopAPI, else a message it answers), which sends the path back to this page; elsewhere it navigates
// at once. A page that says "Electron" without the desktop app around it never moves, as the real app.
const DESKTOP_VERSION = (navigator.userAgent.match(/Mattermost\/(\d+)/) || [])[1];
const NAVIGATES_THROUGH_DESKTOP = isDesktopApp() && Number(DESKTOP_VERSION) >= 5;

function push(url) {
  if (!NAVIGATES_THROUGH_DESKTOP) { go(url); return; }
  if (window.desktopAPI && window.desktopAPI.sendBrowserHistoryPush) window.desktopAPI.sendBrowserHistoryPush(url);
  else window.postMessage({type: 'browser-history-push', message: {path: url}}, window.location.origin);
}

if (NAVIGATES_THROUGH_DESKTOP) {
  if (window.desktopAPI && window.desktopAPI.onBrowserHistoryPush) window.desktopAPI.onBrowserHistoryPush(go);
  window.addEventListener('message', ({origin, data}) => {
    if (origin === window.location.origin && data && data.type === 'browser-history-push-return') go(data.message.pathName);
  });
}

function here() { return window.location.pathname + window.location.search; }

let loggingOut = false;

// emitUserLoggedOutEvent(redirectTo, shouldSignalLogout=true, userAction)
async function emitUserLoggedOut(redirectTo, userAction) {
  if (loggingOut) return;
  loggingOut = true;
  if (userAction) Store.setWasLoggedIn(false);
  try { await api('POST', '/users/logout'); } catch (e) { /* logout is best effort, as in the web app */ }
  clearUserCookie();
  // Fault logout_wrong_page: a broken redirect lands on the error page instead of the login page.
  push(hasFault('logout_wrong_page') ? '/error?type=page_not_found' : redirectTo);
}

function clearUserCookie() {  // actions/views/cookie: the token cookie is the server's to clear
  document.cookie = 'MMUSERID=; Path=/; Max-Age=0';
  document.cookie = 'MMCSRF=; Path=/; Max-Age=0';
}

// mattermost-redux forceLogoutIfNecessary: a 401 anywhere but the login page is a LOGOUT_SUCCESS, after which the
// store (store/index.ts) purges, clears the user cookie and reloads the root with the page's query; the root sends a
// browser without a user to the login page, which says the session expired (was_logged_in).
function forceLogoutIfNecessary(err) {
  if (err && err.status === 401 && !window.location.pathname.includes('/login')) {
    if (!loggingOut) {
      loggingOut = true;
      clearUserCookie();
      // Fault logout_wrong_page: a broken redirect lands on the error page instead of the login page.
      go(hasFault('logout_wrong_page') ? '/error?type=page_not_found' : '/' + window.location.search);
    }
    return true;
  }
  return false;
}

async function requireUser() {  // LoggedIn: no current user -> login page with redirect_to, flag untouched
  try {
    return await api('GET', '/users/me');
  } catch (err) {
    if (err && err.status === 401) emitUserLoggedOut('/login?redirect_to=' + encodeURIComponent(here()), false);
    else showError('Unable to load the current user');
    return null;
  }
}

function isAdmin(user) { return user.roles.split(' ').indexOf('system_admin') >= 0; }

function showError(title) {
  document.title = CFG.siteName;
  mount(UI.errorPage(title, 'The page you were trying to reach does not exist.'));
}

// Fault admin_stranded_on_preparing_workspace: a broken onboarding check holds every system admin there.
function strandsAdmin(user) { return hasFault('admin_stranded_on_preparing_workspace') && isAdmin(user); }

async function rootPage() {
  let user;
  try { user = await api('GET', '/users/me'); } catch (err) { go('/login' + window.location.search); return; }
  const teams = await api('GET', '/users/me/teams');
  if (UI.preparingWorkspace && (strandsAdmin(user) || await FirstLogin.sendsToPreparingWorkspace(user, teams))) {
    push('/preparing-workspace');
    return;
  }
  push(teams.length ? '/' + teams[0].name + '/channels/town-square' : '/select_team');
}

function loginRedirectTarget() {
  const target = new URLSearchParams(window.location.search).get('redirect_to') || '';
  return /^\/([^/]|$)/.test(target) ? target : '/';
}

async function loginPage() {
  try { await api('GET', '/users/me'); push(loginRedirectTarget()); return; } catch (e) { /* not logged in */ }
  const params = new URLSearchParams(window.location.search);
  let sessionExpired = false;
  document.title = CFG.loginTitles.login;
  if (Store.wasLoggedIn()) {
    if (params.get('extra') === 'signin_change') {
      Store.setWasLoggedIn(false);
    } else {
      // The flag is the authority; extra=expired only signals the desktop app.
      sessionExpired = !hasFault('no_expired_banner');
      params.set('extra', 'expired');
      window.history.replaceState(null, '', window.location.pathname + '?' + params.toString());
      document.title = CFG.loginTitles.expired;
    }
  }
  const page = UI.loginPage({sessionExpired, onDismiss: () => Store.setWasLoggedIn(false), onSubmit: submitLogin});
  mount(page);
}

async function submitLogin(loginId, password, view) {
  Store.setWasLoggedIn(false);
  view.hideExpired();
  if (!loginId) { view.showError('Please enter your email or username'); return; }
  if (!password) { view.showError('Please enter your password'); return; }
  view.setBusy(true);
  // v5 login_controller.jsx asks checkMfa (POST /users/mfa) first; login.tsx learns it from the login error.
  if (UI.mfaCheckedFirst && configFlag(await clientConfig(), 'EnableMultifactorAuthentication', false)) {
    let required = false;
    try { required = String((await api('POST', '/users/mfa', {login_id: loginId})).mfa_required) === 'true'; } catch (e) { /* DisableLegacyMFA: learn it from the login error */ }
    if (required) { showMfaStep(loginId, password); return; }
  }
  await logIn(loginId, password, '', view);
}

async function logIn(loginId, password, token, view) {
  try {
    await api('POST', '/users/login', token ? {login_id: loginId, password, token} : {login_id: loginId, password});
  } catch (err) {
    view.setBusy(false);
    const id = String((err.body && err.body.id) || '');
    if (id === MFA_REQUIRED && !token) { showMfaStep(loginId, password); return; }
    const invalid = id.startsWith('api.user.login.invalid_credentials');
    view.showError(invalid ? UI.invalidCredentials(err.body.message) : err.message);
    return;
  }
  Store.setWasLoggedIn(true);  // finishSignin: only a form login sets the flag
  push(loginRedirectTarget());
}

function showMfaStep(loginId, password) {  // LoginMfa: the token form replaces the login form
  mount(UI.mfaPage({onSubmit: (token, view) => {
    if (!token) { view.showError('Please enter an MFA token'); return; }
    view.setBusy(true);
    logIn(loginId, password, token, view);
  }}));
}

function startStatusPoll(userId) {  // ChannelController: addVisibleUsersInCurrentChannelAndSelfToStatusPoll
  if (!CFG.userStatuses) return;  // the poll runs only while ServiceSettings.EnableUserStatuses is on
  if (hasFault('status_poll_stops')) return;  // Fault: the channel never starts its status poll
  window.setInterval(async () => {
    try {
      await api('POST', '/users/status/ids', [userId]);
    } catch (err) {
      if (!hasFault('idle_never_notices')) forceLogoutIfNecessary(err);
    }
  }, CFG.statusPollMs);
}

async function channelPage(teamName, channelName) {
  const user = await requireUser();
  if (!user) return;
  let team;
  try { team = await api('GET', '/teams/name/' + encodeURIComponent(teamName)); } catch (err) {
    if (!forceLogoutIfNecessary(err)) showError('Team not found');
    return;
  }
  let channel;
  try {
    channel = await api('GET', '/teams/' + team.id + '/channels/name/' + encodeURIComponent(channelName));
  } catch (err) {
    if (!forceLogoutIfNecessary(err)) push('/' + team.name + '/channels/town-square');
    return;
  }
  document.title = channel.display_name + ' - ' + team.display_name + ' ' + CFG.siteName;
  let prefs;
  try { prefs = await myPreferences(); } catch (err) { return; }
  await FirstLogin.showChannel({user, team, channel, prefs, config: await clientConfig()});
  startStatusPoll(user.id);
}

async function consolePage() {
  const user = await requireUser();
  if (!user) return;
  if (UI.preparingWorkspace && strandsAdmin(user)) { go('/preparing-workspace'); return; }
  const canRevoke = isAdmin(user) || hasFault('button_for_non_admin');
  // A user without the permission is sent away from the console (real: redirected to their team).
  if (!canRevoke) { go('/'); return; }
  const users = await api('GET', '/users?page=0&per_page=50').catch((err) => { forceLogoutIfNecessary(err); });
  if (!users) return;
  let prefs;
  try { prefs = await myPreferences(); } catch (err) { return; }
  const config = await clientConfig();
  document.title = 'Users - System Console - ' + CFG.siteName;
  const strings = consoleStrings(user.locale);
  // The task list comes in the same render as the page (the real app has the preferences before any route).
  mount(UI.consolePage({user, users, strings, onRevokeAll: canRevoke ? () => openRevokeAllModal(strings) : null}));
  await FirstLogin.overConsole({user, prefs, config});
}

function openRevokeAllModal(strings) {
  const message = hasFault('confirm_wording') ? ALTERED_REVOKE_MESSAGE : strings.message;
  let modal = null;
  const close = () => {
    if (!modal) return;
    modal.remove(); modal = null;
    document.removeEventListener('keydown', onKey);
  };
  const cancel = () => {
    close();
    // Fault cancel_revokes: the cancel handler was wired to the confirm action too.
    if (hasFault('cancel_revokes')) api('POST', '/users/sessions/revoke/all').catch(() => {});
  };
  let confirming = false;
  const confirm = async () => {
    if (confirming) return;
    confirming = true;
    try {
      await api('POST', '/users/sessions/revoke/all');
    } catch (err) {
      confirming = false;
      if (!forceLogoutIfNecessary(err)) UI.revokeAllFailed(modal, close);
      return;
    }
    if (hasFault('admin_not_logged_out')) { close(); return; }
    emitUserLoggedOut('/', true);
  };
  const onKey = (event) => {
    if (event.key === 'Escape') cancel();
    else if (event.key === 'Enter' && document.activeElement.id !== 'cancelModalButton') {
      event.preventDefault(); confirm();
    }
  };
  modal = UI.confirmModal({title: strings.modalTitle, message, confirmText: strings.confirm, cancelText: strings.cancel,
    onCancel: cancel, onConfirm: confirm});
  // Fault modal_body_has_buttons: the buttons rendered inside the message element.
  if (hasFault('modal_body_has_buttons')) {
    const body = modal.querySelector('#confirmModalBody') || modal.querySelector('.modal-body');
    body.append(modal.querySelector('.modal-footer') || modal.querySelector('.ConfirmModal__footer'));
  }
  document.body.append(modal);
  document.addEventListener('keydown', onKey);
  const button = document.getElementById('confirmModalButton');
  if (button) button.focus();
}

async function preparingWorkspacePage() {  // components/preparing_workspace (LoggedInRoute)
  const user = await requireUser();
  if (!user) return;
  document.title = CFG.siteName;
  mount(UI.preparingWorkspace({onSubmit: async (organization) => {
    try { await api('POST', '/system/onboarding/complete', {organization, install_plugins: []}); } catch (err) {
      if (forceLogoutIfNecessary(err)) return;
    }
    push('/');
  }}));
}

async function route() {
  UI = GENERATIONS[CFG.pages];
  const path = window.location.pathname.replace(/\/+$/, '') || '/';
  const channel = path.match(/^\/([^/]+)\/channels\/([^/]+)$/);
  if (path === '/landing') return landingPage();
  if (await showLandingPageIfNecessary(path)) return undefined;
  if (path === '/') return rootPage();
  if (path === '/login') return loginPage();
  if (path === '/admin_console/user_management/users') return consolePage();
  if (path.startsWith('/admin_console')) return go('/admin_console/user_management/users');
  if (path === '/preparing-workspace' && UI.preparingWorkspace) return preparingWorkspacePage();
  if (path === '/select_team') return requireUser().then((u) => u && mount(UI.selectTeamPage()));
  if (path === '/error') return showError(UI.errorTitle(new URLSearchParams(window.location.search).get('type')));
  if (channel) return channelPage(decodeURIComponent(channel[1]), decodeURIComponent(channel[2]));
  return showError(UI.errorTitle('page_not_found'));
}

document.addEventListener('DOMContentLoaded', route);
