import { describe, expect, it } from 'vitest';
import { findBrowser, installCommand, type BrowserSearch } from '../../../scripts/lib/find-browser';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';
const ARCH = 'NAME="Arch Linux"\nID=arch\n';
const MANJARO = 'NAME="Manjaro Linux"\nID=manjaro\nID_LIKE=arch\n';

/** A search on a machine whose only executables are `installed`; records every path it asked about. */
function search(
  platform: string,
  installed: string[],
  env: Record<string, string> = {},
  osRelease = DEBIAN,
) {
  const asked: string[] = [];
  const context: BrowserSearch = {
    platform,
    env,
    osRelease,
    exists: (path) => {
      asked.push(path);
      return installed.includes(path);
    },
  };
  return { result: findBrowser(context), asked };
}

describe('findBrowser', () => {
  it('takes PICKET_CHROMIUM first, as given', () => {
    const { result } = search('linux', ['/opt/my/chrome', '/usr/bin/chromium'], {
      PICKET_CHROMIUM: '/opt/my/chrome',
    });
    expect(result).toEqual({ ok: true, path: '/opt/my/chrome', name: 'PICKET_CHROMIUM' });
  });

  it('says so in one line when PICKET_CHROMIUM points nowhere, without looking elsewhere', () => {
    const { result, asked } = search('linux', ['/usr/bin/chromium'], {
      PICKET_CHROMIUM: '/nonexistent',
    });
    expect(asked).toEqual(['/nonexistent']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).not.toContain('\n');
    expect(result.message).toContain('PICKET_CHROMIUM is set to /nonexistent');
    expect(result.message).toContain('sudo apt-get install -y chromium');
  });

  it('ignores an empty PICKET_CHROMIUM', () => {
    const { result } = search('linux', ['/usr/bin/chromium'], { PICKET_CHROMIUM: '' });
    expect(result).toEqual({ ok: true, path: '/usr/bin/chromium', name: 'Chromium' });
  });

  describe('Linux', () => {
    it.each([
      ['/usr/bin/chromium', 'Chromium'],
      ['/usr/bin/chromium-browser', 'Chromium'],
      ['/snap/bin/chromium', 'Chromium'],
      ['/opt/google/chrome-for-testing/chrome', 'Chrome for Testing'],
      ['/usr/bin/brave-browser', 'Brave'],
      ['/opt/brave.com/brave/brave-browser', 'Brave'],
      ['/snap/bin/brave', 'Brave'],
    ])('finds %s (%s)', (path, name) => {
      expect(search('linux', [path]).result).toEqual({ ok: true, path, name });
    });

    it('prefers Chromium to Brave', () => {
      const { result } = search('linux', ['/usr/bin/brave-browser', '/snap/bin/chromium']);
      expect(result).toEqual({ ok: true, path: '/snap/bin/chromium', name: 'Chromium' });
    });

    it('searches PATH for the usual names', () => {
      const { result } = search('linux', ['/home/me/.local/bin/chromium-browser'], {
        PATH: '/usr/local/bin::/home/me/.local/bin/',
      });
      expect(result).toEqual({
        ok: true,
        path: '/home/me/.local/bin/chromium-browser',
        name: 'Chromium',
      });
    });

    it.each([
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/usr/bin/microsoft-edge',
      '/opt/microsoft/msedge/msedge',
    ])('finds %s but explains in one line why Chrome and Edge cannot load Picket', (path) => {
      const { result } = search('linux', [path]);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.message).toContain(`(${path})`);
      expect(result.message).toContain('no longer load unpacked extensions');
      expect(result.message).toContain('sudo apt-get install -y chromium');
      expect(result.message).not.toContain('\n');
    });

    it('finds Chrome on PATH too, and still prefers a usable browser', () => {
      const env = { PATH: '/usr/local/bin:/usr/bin' };
      expect(search('linux', ['/usr/local/bin/google-chrome'], env).result.ok).toBe(false);
      expect(
        search('linux', ['/usr/local/bin/google-chrome', '/usr/local/bin/brave'], env).result,
      ).toEqual({ ok: true, path: '/usr/local/bin/brave', name: 'Brave' });
    });

    it.each([
      [DEBIAN, 'sudo apt-get install -y chromium'],
      [UBUNTU, 'sudo snap install chromium'],
      [MINT, 'sudo apt-get install -y chromium'],
      [FEDORA, 'sudo dnf install -y chromium'],
      [ARCH, 'sudo pacman -S chromium'],
      [MANJARO, 'sudo pacman -S chromium'],
      ['ID="opensuse-tumbleweed"\nID_LIKE="opensuse suse"\n', 'sudo zypper install chromium'],
      ['ID=alpine\n', 'sudo apk add chromium'],
    ])(
      'with nothing installed names the install command for its distribution',
      (osRelease, command) => {
        const { result } = search('linux', [], { PATH: '/usr/bin:/bin' }, osRelease);
        expect(result).toEqual({
          ok: false,
          message: `No Chromium-family browser found (Chromium, Chrome for Testing or Brave); install Chromium: ${command} (or set PICKET_CHROMIUM to one)`,
        });
      },
    );

    it('gives a general hint on a distribution it does not know', () => {
      expect(installCommand('linux', 'ID=gentoo\n')).toContain('your package manager');
      expect(installCommand('linux', '')).toContain('your package manager');
    });
  });

  describe('macOS', () => {
    it.each([
      ['/Applications/Chromium.app/Contents/MacOS/Chromium', 'Chromium'],
      [
        '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
        'Chrome for Testing',
      ],
      ['/Applications/Brave Browser.app/Contents/MacOS/Brave Browser', 'Brave'],
      ['/Users/me/Applications/Chromium.app/Contents/MacOS/Chromium', 'Chromium'],
    ])('finds %s', (path, name) => {
      expect(search('darwin', [path], { HOME: '/Users/me' }).result).toEqual({
        ok: true,
        path,
        name,
      });
    });

    it('does not take Linux paths for Mac ones', () => {
      expect(search('darwin', ['/usr/bin/chromium']).result.ok).toBe(false);
    });

    it('explains Google Chrome and names Homebrew when nothing usable is there', () => {
      const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
      const found = search('darwin', [chrome]).result;
      expect(found.ok || found.message).toContain(`Found Google Chrome (${chrome})`);
      const none = search('darwin', []).result;
      expect(none.ok || none.message).toContain('brew install --cask chromium');
    });
  });

  describe('Windows', () => {
    const env = {
      LocalAppData: 'C:\\Users\\me\\AppData\\Local',
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
      Path: 'C:\\Windows\\system32;C:\\tools\\bin\\',
    };

    it.each([
      ['C:\\Users\\me\\AppData\\Local\\Chromium\\Application\\chrome.exe', 'Chromium'],
      ['C:\\Program Files\\Chromium\\Application\\chrome.exe', 'Chromium'],
      ['C:\\Program Files\\BraveSoftware\\Brave-Browser\\Application\\brave.exe', 'Brave'],
      [
        'C:\\Users\\me\\AppData\\Local\\BraveSoftware\\Brave-Browser\\Application\\brave.exe',
        'Brave',
      ],
      ['C:\\tools\\bin\\chromium.exe', 'Chromium'],
    ])('finds %s (environment names in any case)', (path, name) => {
      expect(search('win32', [path], env).result).toEqual({ ok: true, path, name });
    });

    it('reads PICKET_CHROMIUM in any case', () => {
      const path = 'D:\\chromium\\chrome.exe';
      expect(search('win32', [path], { ...env, picket_chromium: path }).result).toEqual({
        ok: true,
        path,
        name: 'PICKET_CHROMIUM',
      });
    });

    it('explains Edge and names winget when nothing usable is there', () => {
      const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
      const found = search('win32', [edge], env).result;
      expect(found.ok || found.message).toContain(`Found Microsoft Edge (${edge})`);
      expect(found.ok || found.message).toContain('winget install Hibbiki.Chromium');
      const none = search('win32', [], env).result;
      expect(none.ok || none.message).toContain('winget install Hibbiki.Chromium');
    });
  });
});
