it('runs with strict unhandled rejections', () => {
  expect(process.execArgv).toContain('--unhandled-rejections=strict');
});
