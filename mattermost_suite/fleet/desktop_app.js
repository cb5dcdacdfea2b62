// What the Mattermost desktop app puts into every page of a server before the web app runs: `window.desktopAPI`
// (its preload script, src/main/preload/externalAPI.ts, exposes it with Electron's contextBridge). The web app talks
// to the desktop app through it; a desktop app of version 5 or newer also navigates for it: history.push goes to
// the desktop app (sendBrowserHistoryPush), which sends the path back (onBrowserHistoryPush) to the same view.
// Without this the real web app in a window that says "Electron" never leaves the login page.
(() => {
    const listeners = new Map();
    const listen = (channel) => (listener) => {
        const set = listeners.get(channel) || new Set();
        set.add(listener);
        listeners.set(channel, set);
        return () => set.delete(listener);
    };
    const emit = (channel, ...args) => (listeners.get(channel) || new Set()).forEach((listener) => listener(...args));
    const version = (navigator.userAgent.match(/Mattermost\/([0-9.]+)/) || [])[1] || '5.0.0';
    // The same preload still answers the messages of web apps that predate desktopAPI (v8: utils/browser_history
    // posts 'browser-history-push' and navigates on 'browser-history-push-return'), until the web app shows it
    // knows desktopAPI by asking getAppInfo.
    let legacy = true;
    window.addEventListener('message', ({origin, data}) => {
        if (!legacy || origin !== window.location.origin || !data || data.type !== 'browser-history-push') {
            return;
        }
        const pathName = data.message && data.message.path;
        setTimeout(() => window.postMessage({type: 'browser-history-push-return', message: {pathName}}, origin));
    });
    window.desktopAPI = {
        isDev: () => Promise.resolve(false),
        getAppInfo: () => {
            legacy = false;
            return Promise.resolve({name: 'Mattermost', version});
        },
        reactAppInitialized: () => {},
        setSessionExpired: () => {},
        onUserActivityUpdate: listen('user-activity-update'),
        onLogin: () => {},
        onLogout: () => {},
        sendNotification: () => Promise.resolve({status: 'not_sent', reason: 'notifications_permission_denied'}),
        onNotificationClicked: listen('notification-clicked'),
        setUnreadsAndMentions: () => {},
        requestBrowserHistoryStatus: () => Promise.resolve({enableBack: false, enableForward: false}),
        onBrowserHistoryStatusUpdated: listen('browser-history-status-updated'),
        onBrowserHistoryPush: listen('browser-history-push'),
        // The desktop app's main process answers on its next turn, never inside the call.
        sendBrowserHistoryPush: (path) => setTimeout(() => emit('browser-history-push', path)),
        unregister: (channel) => listeners.delete(channel),
    };
})();
