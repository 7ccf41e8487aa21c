import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVideoHeader } from '../../src/media/video-header.js';
import { FIXTURES } from '../helpers.js';

// One-second clips of 320×180 made with ffmpeg's test pattern (testsrc), a few KB each;
// portrait.mov is clip.mp4 with its track's matrix turned a quarter, as a phone stores portrait video.
const VIDEO = path.join(FIXTURES, 'video');

describe('readVideoHeader', () => {
  it('reads the size and length of an MP4 from its moov box', async () => {
    expect(await readVideoHeader(path.join(VIDEO, 'clip.mp4'))).toEqual({ format: 'mp4', width: 320, height: 180, duration: 1 });
  });

  it('reads the size and length of a WebM from its Segment Info and Tracks', async () => {
    expect(await readVideoHeader(path.join(VIDEO, 'clip.webm'))).toEqual({ format: 'webm', width: 320, height: 180, duration: 1 });
  });

  it('gives a phone video stored turned a quarter (QuickTime, a rotation matrix) its size as shown', async () => {
    expect(await readVideoHeader(path.join(VIDEO, 'portrait.mov'))).toEqual({ format: 'mp4', width: 180, height: 320, duration: 1 });
  });

  it('refuses a picture, naming what it expected', async () => {
    await expect(readVideoHeader(path.join(FIXTURES, '..', '..', 'public', 'og-default.png'))).rejects.toThrow('not an MP4, MOV or WebM file');
  });

  it('refuses an MP4 cut short before its header', async () => {
    const file = path.join(process.env.TMPDIR ?? '/tmp', 'cut.mp4');
    await writeFile(file, Buffer.from([0, 0, 0, 24, ...Buffer.from('ftypisom'), 0, 0, 2, 0, ...Buffer.from('isomiso2'), 0, 0, 1, 0, ...Buffer.from('mdat')]));
    await expect(readVideoHeader(file)).rejects.toThrow('no moov box: the file is cut short or not a video');
  });
});
