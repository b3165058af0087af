; NSIS include (electron-builder nsis.include): the counter supports Windows 10/11 x64 only.
; Windows 8.1 and older lack the TLS and code-signature support the updates and the center
; connection rely on, and Electron 45 no longer runs there; a 32-bit Windows cannot run the x64 app.
!include "WinVer.nsh"
!include "x64.nsh"

!macro customInit
  ${IfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "本软件仅支持 Windows 10 或 Windows 11（64 位）。$\r$\n当前系统版本过低，请升级操作系统后再安装。"
    Abort
  ${EndIf}
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "本软件仅支持 64 位的 Windows 10 或 Windows 11。$\r$\n当前系统为 32 位，无法安装。"
    Abort
  ${EndIf}
!macroend
