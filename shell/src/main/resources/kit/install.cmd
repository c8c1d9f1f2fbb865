@echo off
rem Installs streamlab from this kit (Windows 10 or newer, Java 17+): install.cmd [--to DIR] [--no-doctor]
rem It unpacks the distribution into a temporary folder (with the tar that Windows ships) only to run its
rem "streamlab kit install", which checks every file against CHECKSUMS, installs into %USERPROFILE%\streamlab (or --to DIR),
rem loads the Kafka image if Docker answers, and runs "streamlab doctor". No network is needed.
setlocal EnableExtensions
set "KIT=%~dp0"
set "ARCHIVE="
for %%F in ("%KIT%streamlab-*.zip") do set "ARCHIVE=%%~fF"
if not defined ARCHIVE (
  echo This kit has no streamlab-VERSION.zip: copy the whole kit folder again. 1>&2
  exit /b 2
)
set "TMPKIT=%TEMP%\streamlab-kit-%RANDOM%%RANDOM%"
mkdir "%TMPKIT%" || exit /b 3
tar -xf "%ARCHIVE%" -C "%TMPKIT%"
if errorlevel 1 (
  echo The archive cannot be unpacked ^(a damaged copy?^): copy it from the kit again. 1>&2
  rmdir /s /q "%TMPKIT%"
  exit /b 3
)
set "STREAMLAB_CDS=off"
for /d %%D in ("%TMPKIT%\streamlab-*") do call "%%~fD\bin\streamlab.cmd" kit install "%KIT%." %*
set "STATUS=%ERRORLEVEL%"
rmdir /s /q "%TMPKIT%"
exit /b %STATUS%
