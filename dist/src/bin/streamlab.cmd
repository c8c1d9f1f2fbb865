@echo off
rem The launcher of an installed streamlab on Windows (a distribution or a kit): no Maven, no network; a Java 17+ runtime.
setlocal EnableExtensions
for %%I in ("%~dp0..") do set "STREAMLAB_APP=%%~fI"
set "JAR=%STREAMLAB_APP%\app\streamlab.jar"

rem Its own runtime first (if the installation has one), then JAVA_HOME, then java on the PATH.
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%STREAMLAB_APP%\runtime\bin\java.exe" set "JAVA=%STREAMLAB_APP%\runtime\bin\java.exe"
if "%JAVA%"=="java" (
  where java >nul 2>&1 || (
    echo streamlab needs a JDK ^(17 or newer^), and no 'java' was found. Install one, or set JAVA_HOME. 1>&2
    exit /b 3
  )
)

if not defined TESTCONTAINERS_RYUK_DISABLED set "TESTCONTAINERS_RYUK_DISABLED=true"
if not defined STREAMLAB_DEMO_DATA set "STREAMLAB_DEMO_DATA=%STREAMLAB_APP%\demo-data"
if not defined STREAMLAB_JAVA_OPTS set "STREAMLAB_JAVA_OPTS=-Xmx768m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"

rem Class data sharing, made on the first start: beside the jar when the installation is writable, else in the
rem user's local application data. The name carries the jar's size and time, so a new installation makes a new one.
for %%F in ("%JAR%") do set "STAMP=%%~zF-%%~tF"
set "STAMP=%STAMP:/=-%"
set "STAMP=%STAMP::=-%"
set "STAMP=%STAMP: =-%"
set "CDS_DIR=%STREAMLAB_APP%\app"
copy /y nul "%CDS_DIR%\.writable" >nul 2>&1 && del "%CDS_DIR%\.writable" >nul 2>&1 || set "CDS_DIR=%LOCALAPPDATA%\streamlab\cds"
set "ARCHIVE=%CDS_DIR%\streamlab-%STAMP%.jsa"
set "SHARING="
if /i "%STREAMLAB_CDS%"=="off" goto run
if exist "%ARCHIVE%" goto share
if exist "%ARCHIVE%.failed" goto run
if not exist "%CDS_DIR%" mkdir "%CDS_DIR%" >nul 2>&1
echo Preparing a faster start (class data sharing, once, about 10 s)... 1>&2
"%JAVA%" %STREAMLAB_JAVA_OPTS% -XX:ArchiveClassesAtExit="%ARCHIVE%" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "%JAR%" dev.streamlab.bench.EmbeddedClusterReady >nul 2>&1
if errorlevel 1 (
  del "%ARCHIVE%" >nul 2>&1
  type nul > "%ARCHIVE%.failed" 2>nul
  echo No archive this time; streamlab starts as usual. 1>&2
  goto run
)
:share
if exist "%ARCHIVE%" set SHARING=-XX:SharedArchiveFile="%ARCHIVE%" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off

:run
"%JAVA%" %STREAMLAB_JAVA_OPTS% "-Dstreamlab.reveal.vendor=%STREAMLAB_APP%\slides\decks\vendor" "-Dstreamlab.web.vendor=%STREAMLAB_APP%\web\vendor" %SHARING% %JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
