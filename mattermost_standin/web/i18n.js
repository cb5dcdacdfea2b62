// The console strings of System Console > Users, in the logged-in user's locale (user.locale), as the web app's
// react-intl does. Texts are the web app's own: webapp/channels/src/i18n/en.json and de.json (keys below).
// The German message is the one the stored de.json carries; whether later de.json revisions translated the v9.6+
// "including your session" wording is UNCONFIRMED, so German reads the same in every generation.
'use strict';

const I18N = {
  en: {
    'admin.system_users.title': '{siteName} Users',
    'admin.system_users.revokeAllSessions': 'Revoke All Sessions',
    'admin.system_users.revoke_all_sessions_modal_title': 'Revoke all sessions in the system',
    // v5.x - v9.5 wording; the v9.6+ RevokeSessionsButton overrides it (GENERATIONS.current.messages).
    'admin.system_users.revoke_all_sessions_modal_message': 'This action revokes all sessions in the system. ' +
      'All users will be logged out from all devices. Are you sure you want to revoke all sessions?',
    'admin.system_users.revoke_all_sessions_button': 'Revoke All Sessions',
    'confirm_modal.cancel': 'Cancel',
  },
  de: {
    'admin.system_users.title': '{siteName} Benutzer',
    'admin.system_users.revokeAllSessions': 'Alle Sitzungen zurückziehen',
    'admin.system_users.revoke_all_sessions_modal_title': 'Alle Sitzungen im System zurückziehen',
    'admin.system_users.revoke_all_sessions_modal_message': 'Diese Aktion zieht alle Sitzungen im System zurück. ' +
      'Alle Benutzer werden von allen Geräten abgemeldet. Möchtest du wirklich alle Sitzungen zurückziehen?',
    'admin.system_users.revoke_all_sessions_button': 'Alle Sitzungen zurückziehen',
    'confirm_modal.cancel': 'Abbrechen',
  },
};

// A key missing in the user's locale falls back to English, as react-intl's defaultMessage does.
function translate(locale, key) {
  const own = (UI.messages && UI.messages[locale] && UI.messages[locale][key]) || (I18N[locale] || {})[key];
  return own || (UI.messages && UI.messages.en && UI.messages.en[key]) || I18N.en[key];
}

function consoleStrings(locale) {
  const t = (key) => translate(locale || 'en', key);
  return {
    title: t('admin.system_users.title').replace('{siteName}', CFG.siteName),
    button: t('admin.system_users.revokeAllSessions'),
    modalTitle: t('admin.system_users.revoke_all_sessions_modal_title'),
    message: t('admin.system_users.revoke_all_sessions_modal_message'),
    confirm: t('admin.system_users.revoke_all_sessions_button'),
    cancel: t('confirm_modal.cancel'),
  };
}
