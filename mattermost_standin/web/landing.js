// The landing page a browser meets before anything else (components/root/root.tsx showLandingPageIfNecessary,
// components/linking_landing_page/linking_landing_page.tsx): once per browser, while the server's download link is set
// and ServiceSettings.EnableDesktopLandingPage is on; never in the desktop app or on a Chromebook; before 7.3 only in
// a phone's browser.
'use strict';

const LANDING_SEEN = '__landingPageSeen__';  // StoragePrefixes.LANDING_PAGE_SEEN, not scoped by site

// Fault landing_page_returns: the app never records that the browser has seen the page.
function rememberLandingSeen() { if (!hasFault('landing_page_returns')) localStorage.setItem(LANDING_SEEN, 'true'); }

async function showLandingPageIfNecessary(path) {
  const config = await clientConfig();
  if (config.EnableDesktopLandingPage === 'false') return false;  // a server without the setting shows it
  if (isDesktopApp() || /CrOS/.test(ua())) return false;
  if (!CFG.landingForBrowsers && !isMobileAgent()) return false;  // before 7.3: phones only
  if (isAndroidWeb() && !config.AndroidAppDownloadLink) return false;
  if (isIosWeb() && !config.IosAppDownloadLink) return false;
  if (!config.AppDownloadLink) return false;
  if (localStorage.getItem(LANDING_SEEN)) return false;
  if (path === '/reset_password_complete' || path === '/login/desktop' || path.includes('/landing')) return false;
  window.history.pushState(null, '', '/landing#' + path + window.location.search);
  rememberLandingSeen();
  await landingPage();
  return true;
}

async function landingPage() {  // LinkingLandingPage, the browser's choice
  const config = await clientConfig();
  const location = window.location.href.replace('/landing#', '');
  const mobile = isMobileAgent();
  document.title = CFG.siteName;
  rememberLandingSeen();
  const link = (attrs, text) => h('a', attrs, text);
  const downloadLink = mobile ? (isIosWeb() ? config.IosAppDownloadLink : config.AndroidAppDownloadLink)
    : config.AppDownloadLink;
  mount(h('div', {class: 'get-app'},
    h('div', {class: 'get-app__header'}, h('span', {class: 'get-app__logo'}, 'Mattermost')),
    h('div', {class: 'get-app__dialog'}, h('div', {class: 'get-app__dialog-body'},
      h('div', {class: 'get-app__launching'},
        h('h1', {}, 'Where would you like to view this?'),
        h('div', {class: 'get-app__alternative'},
          `You can view  Mattermost in the ${mobile ? 'mobile' : 'desktop'} app or continue in your web browser.`)),
      h('div', {class: 'get-app__buttons'},
        link({class: 'btn btn-primary btn-lg get-app__download', href: mobile ? '#' : location.replace(/^(https|http)/, 'mattermost')},
          mobile ? 'View in App' : 'View in Desktop App'),
        CFG.landingLinkWrapped
          ? h('div', {class: 'get-app__status'},
            link({class: 'btn btn-default btn-lg get-app__continue', href: location}, 'View in Browser'))
          : link({class: 'btn btn-tertiary btn-lg', href: location}, 'View in Browser')),
      h('label', {class: 'get-app__preference'}, h('input', {type: 'checkbox', class: 'get-app__checkbox'}),
        'Remember my preference'),
      h('div', {class: 'get-app__download-link'}, mobile ? "Don't have the Mobile App? " : "Don't have the Desktop App? ",
        link({href: downloadLink}, 'Download the app now.'))))));
}
